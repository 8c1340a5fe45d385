using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Egov.Modules.Outreach.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the host.</summary>
internal sealed class OutreachDbContextFactory : IDesignTimeDbContextFactory<OutreachDbContext>
{
    public OutreachDbContext CreateDbContext(string[] args) =>
        new(ModulePersistenceExtensions.DesignTimeOptions<OutreachDbContext>(OutreachDbContext.SchemaName));
}
