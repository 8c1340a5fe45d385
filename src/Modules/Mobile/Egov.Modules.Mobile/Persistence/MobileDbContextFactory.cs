using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Egov.Modules.Mobile.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the host.</summary>
internal sealed class MobileDbContextFactory : IDesignTimeDbContextFactory<MobileDbContext>
{
    public MobileDbContext CreateDbContext(string[] args) =>
        new(ModulePersistenceExtensions.DesignTimeOptions<MobileDbContext>(MobileDbContext.SchemaName));
}
