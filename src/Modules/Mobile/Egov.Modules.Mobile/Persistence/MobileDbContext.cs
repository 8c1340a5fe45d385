using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Persistence;

/// <summary>
/// The Mobile module's database (schema <c>mobile</c>): device registrations for push and the push
/// fan-out's work, with the module's outbox and inbox. Mappings are
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in <c>Persistence/Configurations</c>.
/// </summary>
internal sealed class MobileDbContext(DbContextOptions<MobileDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "mobile";

    public override string Schema => SchemaName;

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<PushJob> PushJobs => Set<PushJob>();

    public DbSet<PushedAlert> PushedAlerts => Set<PushedAlert>();

    /// <inheritdoc />
    public override Task UpgradeZeroSetupDatabaseAsync(CancellationToken cancellationToken) => OutreachFileUpgrade.RunAsync(this, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MobileDbContext).Assembly);
    }
}
