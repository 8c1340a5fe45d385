using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Egov.Modules.Announcements.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the host.</summary>
internal sealed class AnnouncementsDbContextFactory : IDesignTimeDbContextFactory<AnnouncementsDbContext>
{
    public AnnouncementsDbContext CreateDbContext(string[] args) =>
        new(ModulePersistenceExtensions.DesignTimeOptions<AnnouncementsDbContext>(AnnouncementsDbContext.SchemaName));
}
