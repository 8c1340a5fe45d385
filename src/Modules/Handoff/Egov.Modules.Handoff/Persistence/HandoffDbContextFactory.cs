using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Egov.Modules.Handoff.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the host.</summary>
internal sealed class HandoffDbContextFactory : IDesignTimeDbContextFactory<HandoffDbContext>
{
    public HandoffDbContext CreateDbContext(string[] args) =>
        new(ModulePersistenceExtensions.DesignTimeOptions<HandoffDbContext>(HandoffDbContext.SchemaName));
}
