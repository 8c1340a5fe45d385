using Egov.Host.Identity.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Egov.Host.Identity;

/// <summary>
/// The host's identity database (schema <c>identity</c>): ASP.NET Data Protection keys, so cookie
/// sessions survive restarts and work across host instances, and the development OpenID provider's
/// applications, authorizations and tokens (OpenIddict), and the browser sessions
/// (<see cref="UserSession"/>). Egov stores no passwords here.
/// </summary>
internal sealed class EgovIdentityDbContext(DbContextOptions<EgovIdentityDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public const string SchemaName = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(SchemaName);
        }

        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<UserSession>(session =>
        {
            session.ToTable("user_sessions");
            session.Property(s => s.Id).HasMaxLength(64);
            session.Property(s => s.Subject).HasMaxLength(256);
            session.HasIndex(s => s.Subject);
            session.HasIndex(s => s.ExpiresAt);
        });
        base.OnModelCreating(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type and EF cannot compare DateTimeOffset there; store UTC ticks instead.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the host.</summary>
internal sealed class EgovIdentityDbContextFactory : IDesignTimeDbContextFactory<EgovIdentityDbContext>
{
    public EgovIdentityDbContext CreateDbContext(string[] args) =>
        new(Egov.SharedKernel.Persistence.ModulePersistenceExtensions.DesignTimeOptions<EgovIdentityDbContext>(EgovIdentityDbContext.SchemaName));
}
