using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Egov.Modules.Forms.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the host.</summary>
internal sealed class FormsDbContextFactory : IDesignTimeDbContextFactory<FormsDbContext>
{
    public FormsDbContext CreateDbContext(string[] args) =>
        new(ModulePersistenceExtensions.DesignTimeOptions<FormsDbContext>(FormsDbContext.SchemaName));
}
