using Egov.Modules.Handoff.Domain;
using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Persistence;

/// <summary>
/// The Handoff module's database (schema <c>handoff</c>): what was handed to which specialist
/// system (push deliveries and pull feed entries) and the pull targets' acknowledged cursors, with
/// the module's outbox and inbox.
/// </summary>
internal sealed class HandoffDbContext(DbContextOptions<HandoffDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "handoff";

    public override string Schema => SchemaName;

    public DbSet<HandoffDelivery> Deliveries => Set<HandoffDelivery>();

    public DbSet<FeedCursor> FeedCursors => Set<FeedCursor>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HandoffDbContext).Assembly);
    }
}
