using Egov.SharedKernel.Outbox;
using Egov.SharedKernel.Persistence;
using Mediator;

namespace Egov.SharedKernel.Inbox;

/// <summary>
/// Base of every integration event handler (architecture test): makes at-least-once delivery
/// effectively-once per handler through the module's inbox. <see cref="HandleOnceAsync"/> skips an
/// event the inbox already holds for this handler; else it runs the handler's work, records the
/// event in the inbox and stores both with ONE <c>SaveChangesAsync</c> — the work and its inbox row
/// are committed together or not at all.
/// </summary>
/// <remarks>
/// Derive from <see cref="IntegrationEventHandler{TEvent, TDbContext}"/> (one event per class,
/// ADR 0018). A class that still handles several events derives from this base and routes each
/// <c>Handle</c> through <see cref="HandleOnceAsync"/>. The work itself never saves: the base does.
/// </remarks>
/// <typeparam name="TDbContext">The handling module's DbContext, which holds its inbox.</typeparam>
public abstract class IntegrationEventHandler<TDbContext>
    where TDbContext : ModuleDbContext
{
    /// <summary>Creates the handler on the module's context of the current DI scope.</summary>
    protected IntegrationEventHandler(TDbContext db, TimeProvider time)
    {
        Db = db;
        Time = time;
    }

    /// <summary>The module's context; the work tracks its changes here and leaves the save to the base.</summary>
    protected TDbContext Db { get; }

    /// <summary>The clock of the inbox record (and of the work).</summary>
    protected TimeProvider Time { get; }

    /// <summary>
    /// The handler's name in <c>inbox_messages.handler</c> (at most 200 characters); default the class
    /// name. Keep it when the class is renamed or split, else events delivered again after the
    /// change are handled a second time.
    /// </summary>
    protected virtual string InboxName => GetType().Name;

    /// <summary>
    /// Runs <paramref name="work"/> once for <paramref name="integrationEvent"/> and this handler,
    /// then saves the work together with the inbox record.
    /// </summary>
    /// <exception cref="Microsoft.EntityFrameworkCore.DbUpdateException">The save failed, e.g. another
    /// dispatcher stored the same event for this handler meanwhile (its lease had run out); the
    /// outbox retries and the retry finds the event in the inbox.</exception>
    protected async ValueTask HandleOnceAsync(IIntegrationEvent integrationEvent, Func<CancellationToken, ValueTask> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        ArgumentNullException.ThrowIfNull(work);
        if (await Db.HasProcessedAsync(integrationEvent.EventId, InboxName, cancellationToken))
        {
            return;
        }

        await work(cancellationToken);
        Db.MarkProcessed(integrationEvent.EventId, InboxName, Time.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// An integration event handler for one event type: implement <see cref="HandleAsync"/>; the base
/// skips events already handled and saves the work with the inbox record (see
/// <see cref="IntegrationEventHandler{TDbContext}"/>).
/// </summary>
/// <typeparam name="TEvent">The handled event (another module's Contracts).</typeparam>
/// <typeparam name="TDbContext">The handling module's DbContext.</typeparam>
public abstract class IntegrationEventHandler<TEvent, TDbContext> : IntegrationEventHandler<TDbContext>, INotificationHandler<TEvent>
    where TEvent : IIntegrationEvent
    where TDbContext : ModuleDbContext
{
    /// <summary>Creates the handler on the module's context of the current DI scope.</summary>
    protected IntegrationEventHandler(TDbContext db, TimeProvider time)
        : base(db, time)
    {
    }

    /// <inheritdoc />
    public ValueTask Handle(TEvent notification, CancellationToken cancellationToken) =>
        HandleOnceAsync(notification, ct => HandleAsync(notification, ct), cancellationToken);

    /// <summary>The handler's work: track the changes on <see cref="IntegrationEventHandler{TDbContext}.Db"/>; do not save.</summary>
    protected abstract ValueTask HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
