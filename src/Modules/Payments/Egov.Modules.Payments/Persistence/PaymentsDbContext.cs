using Egov.Modules.Payments.Domain;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Persistence;

/// <summary>
/// The Payments module's database (schema <c>payments</c>): payments, refunds and the providers'
/// notifications, with the module's outbox and inbox. Mappings are
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in <c>Persistence/Configurations</c>.
/// </summary>
internal sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "payments";

    public override string Schema => SchemaName;

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<ProviderNotification> ProviderNotifications => Set<ProviderNotification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDbContext).Assembly);
    }
}
