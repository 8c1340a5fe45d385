using System.Text.Json;
using Egov.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Egov.SharedKernel.Persistence;

/// <summary>
/// Base of every module's DbContext: puts the module's tables in its own schema, and carries the
/// module's transactional outbox (<c>outbox_messages</c>) and inbox (<c>inbox_messages</c>).
/// </summary>
/// <remarks>
/// Publish an integration event with <see cref="AddIntegrationEvent"/> before the handler's one
/// <c>SaveChangesAsync</c>: the event is stored in the same transaction as the change, so a change
/// that is rolled back publishes nothing and a committed change always publishes.
/// </remarks>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>JSON settings of outbox payloads (System.Text.Json web defaults).</summary>
    public static readonly JsonSerializerOptions EventSerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The module's database schema (PostgreSQL), e.g. <c>announcements</c>.</summary>
    public abstract string Schema { get; }

    /// <summary>Events waiting for, or done with, delivery.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Events this module's handlers have processed.</summary>
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Adds <paramref name="integrationEvent"/> to the outbox; it is stored by the next save.</summary>
    public void AddIntegrationEvent(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        OutboxMessages.Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            EventType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, EventSerializerOptions),
            OccurredAt = integrationEvent.OccurredAt,
            NextAttemptAt = integrationEvent.OccurredAt,
        });
    }

    /// <summary>
    /// Whether <paramref name="handler"/> already processed <paramref name="eventId"/>. An idempotent
    /// handler checks this first and calls <see cref="MarkProcessed"/> in the same save as its change.
    /// </summary>
    public Task<bool> HasProcessedAsync(Guid eventId, string handler, CancellationToken cancellationToken) =>
        InboxMessages.AnyAsync(m => m.EventId == eventId && m.Handler == handler, cancellationToken);

    /// <summary>Records that <paramref name="handler"/> processed <paramref name="eventId"/>; stored by the next save.</summary>
    public void MarkProcessed(Guid eventId, string handler, DateTimeOffset processedAt) =>
        InboxMessages.Add(new InboxMessage { EventId = eventId, Handler = handler, ProcessedAt = processedAt });

    /// <summary>
    /// Runs on the zero-setup SQLite database at every start, after its file was created or found
    /// (SQLite files are created from the model, not migrated): a module whose tables lived in
    /// another module's file before brings their rows over here. Must be idempotent and cheap when
    /// there is nothing to do. Does nothing unless a module overrides it.
    /// </summary>
    public virtual Task UpgradeZeroSetupDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (!Database.IsSqlite())
        {
            // SQLite has no schemas; there each module has a file of its own instead.
            modelBuilder.HasDefaultSchema(Schema);
        }

        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.EventType).HasMaxLength(300);
            b.Property(m => m.LockOwner).HasMaxLength(200);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
        });

        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.EventId, m.Handler });
            b.Property(m => m.Handler).HasMaxLength(200);
        });

        base.OnModelCreating(modelBuilder);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no instant type and EF cannot compare or order DateTimeOffset there; store UTC
        // ticks as an integer so ordering and range filters work in the zero-setup database too.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
