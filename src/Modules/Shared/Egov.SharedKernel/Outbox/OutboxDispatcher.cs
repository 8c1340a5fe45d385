using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.Json;
using Egov.SharedKernel.Persistence;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.SharedKernel.Outbox;

/// <summary>
/// Publishes the outbox of one module to the integration event handlers, after commit, at least
/// once — a <see cref="LeasedWorker{TItem}"/> over <c>outbox_messages</c>.
/// </summary>
/// <remarks>
/// <para>
/// Claiming: a batch of due messages is claimed with a lease through <see cref="LeaseClaim"/>
/// (PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>, so one message goes to one dispatcher of any host
/// instance), and worked off one by one in the order the events occurred. A save that stores
/// outbox messages wakes the dispatcher once it is committed (<see cref="WorkSignal{TWorker}"/>).
/// </para>
/// <para>
/// Scopes: every handler of a message runs in a DI scope of its own, so a handler that fails after
/// tracking changes cannot have them written by the next handler's save (nor by another message's),
/// and a failing subscriber does not keep the others of the same message from their first attempt.
/// </para>
/// <para>
/// Failure: when any handler throws, the message stays pending with <c>attempts + 1</c> and a next
/// attempt after an exponential backoff (<see cref="OutboxOptions.InitialRetryDelay"/> doubled per
/// attempt, capped by <see cref="OutboxOptions.MaxRetryDelay"/>, up to 10 % jitter); every handler
/// runs again then, so handlers skip what they did already (<see cref="Inbox.IntegrationEventHandler{TDbContext}"/>).
/// After <see cref="OutboxOptions.MaxAttempts"/> it is parked with <c>failed_at</c> for an operator.
/// A crash mid-batch leaves leases that expire after <see cref="OutboxOptions.LeaseDuration"/>.
/// </para>
/// </remarks>
/// <typeparam name="TContext">The module's DbContext holding the outbox.</typeparam>
public sealed partial class OutboxDispatcher<TContext> : LeasedWorker<OutboxMessage>
    where TContext : ModuleDbContext
{
    private static readonly Meter Meter = new("Egov.Outbox");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("egov.outbox.published", "{message}", "Integration events published after commit.");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("egov.outbox.failed_attempts", "{attempt}", "Failed attempts to publish an integration event.");
    private static readonly Counter<long> Parked = Meter.CreateCounter<long>("egov.outbox.parked", "{message}", "Integration events given up after the maximum number of attempts.");
    private static readonly ConcurrentDictionary<Type, Func<object, object, CancellationToken, ValueTask>> Invokers = new();

    private static readonly LeaseQuery<OutboxMessage> Due = new(
        "outbox_messages",
        "processed_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now",
        "occurred_at, id",
        (messages, now) => messages.Where(m => m.ProcessedAt == null && m.FailedAt == null && m.NextAttemptAt <= now),
        messages => messages.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id));

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly OutboxOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a dispatcher; the host registers one per module.</summary>
    public OutboxDispatcher(
        IServiceScopeFactory scopeFactory,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        WorkSignal<OutboxDispatcher<TContext>> signal,
        ILogger<OutboxDispatcher<TContext>> logger)
        : base(signal, time, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopeFactory = scopeFactory;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override bool Enabled => _options.Enabled;

    /// <inheritdoc />
    protected override int ClaimSize => _options.BatchSize;

    /// <inheritdoc />
    protected override TimeSpan LeaseDuration => _options.LeaseDuration;

    /// <summary>
    /// Claims one batch of due messages and publishes each; returns how many were claimed.
    /// Safe to call from several dispatchers (and host instances) at once.
    /// </summary>
    public Task<int> DispatchBatchAsync(CancellationToken cancellationToken) => RunOnceAsync(WorkLane.General, cancellationToken);

    /// <inheritdoc />
    protected override TimeSpan PollInterval(WorkLane lane) => _options.PollInterval;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await LeaseClaim.ClaimAsync(db, db.Schema, Due, limit, lease, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        string schema;
        Exception? failure = null;
        try
        {
            var type = Type.GetType(message.EventType, throwOnError: true)!;
            var integrationEvent = JsonSerializer.Deserialize(message.Payload, type, ModuleDbContext.EventSerializerOptions)
                ?? throw new JsonException($"Outbox message {message.Id} has an empty payload.");
            var failures = await PublishToEachHandlerAsync(type, integrationEvent, cancellationToken);
            if (failures.Count > 0)
            {
                failure = failures.Count == 1 ? failures[0] : new AggregateException(failures);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
        }

        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        schema = db.Schema;
        var now = Time.GetUtcNow();
        if (failure is null)
        {
            await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.LockOwner == Owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ProcessedAt, now)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            Published.Add(1, new KeyValuePair<string, object?>("module", schema));
            return;
        }

        var attempts = message.Attempts + 1;
        var parked = attempts >= _options.MaxAttempts;
        var error = $"{failure.GetType().FullName}: {failure.Message}";
        if (error.Length > 2000)
        {
            error = error[..2000];
        }

        await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LockOwner == Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + Backoff.Delay(attempts, _options.InitialRetryDelay, _options.MaxRetryDelay))
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.FailedAt, parked ? now : null), CancellationToken.None);

        Failed.Add(1, new KeyValuePair<string, object?>("module", schema));
        if (parked)
        {
            Parked.Add(1, new KeyValuePair<string, object?>("module", schema));
            LogParked(failure, message.EventType, message.Id, attempts);
        }
        else
        {
            LogRetry(failure, message.EventType, message.Id, attempts);
        }
    }

    /// <summary>
    /// Runs every <see cref="INotificationHandler{TNotification}"/> of the event, each in a DI scope of
    /// its own (the way the mediator finds them: all registrations of the handler interface, in order).
    /// Every handler gets its attempt even when one before it failed; returns the failures.
    /// </summary>
    private async Task<List<Exception>> PublishToEachHandlerAsync(Type eventType, object integrationEvent, CancellationToken cancellationToken)
    {
        var handlerType = typeof(INotificationHandler<>).MakeGenericType(eventType);
        var invoke = Invokers.GetOrAdd(eventType, static t =>
            typeof(OutboxDispatcher<TContext>).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(t).CreateDelegate<Func<object, object, CancellationToken, ValueTask>>());
        int count;
        await using (var counting = _scopeFactory.CreateAsyncScope())
        {
            count = counting.ServiceProvider.GetServices(handlerType).Count();
        }

        var failures = new List<Exception>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices(handlerType).ElementAt(i)!;
            try
            {
                await invoke(handler, integrationEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(ex);
                LogHandlerFailed(ex, handler.GetType().Name, eventType.Name, ((IIntegrationEvent)integrationEvent).EventId);
            }
        }

        return failures;
    }

    private static ValueTask Invoke<TEvent>(object handler, object integrationEvent, CancellationToken cancellationToken)
        where TEvent : INotification =>
        ((INotificationHandler<TEvent>)handler).Handle((TEvent)integrationEvent, cancellationToken);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Publishing {EventType} {EventId} failed (attempt {Attempts}); it will be retried")]
    private partial void LogRetry(Exception exception, string eventType, Guid eventId, int attempts);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Publishing {EventType} {EventId} failed {Attempts} times; the message is parked (failed_at set)")]
    private partial void LogParked(Exception exception, string eventType, Guid eventId, int attempts);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Handler {Handler} of {EventType} {EventId} failed")]
    private partial void LogHandlerFailed(Exception exception, string handler, string eventType, Guid eventId);
}
