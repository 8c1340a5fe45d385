using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Egov.Host.Identity;

/// <summary>
/// The host's identity database (schema <c>identity</c>): ASP.NET Data Protection keys, so cookie
/// sessions survive restarts and work across host instances, and the development OpenID provider's
/// applications, authorizations and tokens (OpenIddict). Egov stores no passwords here.
/// </summary>
internal sealed class EgovIdentityDbContext(DbContextOptions<EgovIdentityDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public const string SchemaName = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(SchemaName);
        }

        modelBuilder.UseOpenIddict();
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the host.</summary>
internal sealed class EgovIdentityDbContextFactory : IDesignTimeDbContextFactory<EgovIdentityDbContext>
{
    public EgovIdentityDbContext CreateDbContext(string[] args) =>
        new(Egov.SharedKernel.Persistence.ModulePersistenceExtensions.DesignTimeOptions<EgovIdentityDbContext>(EgovIdentityDbContext.SchemaName));
}
