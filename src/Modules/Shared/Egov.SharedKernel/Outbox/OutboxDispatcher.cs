using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Egov.SharedKernel.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.SharedKernel.Outbox;

/// <summary>
/// Publishes the outbox of one module through the mediator, after commit, at least once.
/// </summary>
/// <remarks>
/// <para>
/// Claiming: on PostgreSQL a batch is claimed with one <c>UPDATE … WHERE id IN (SELECT … FOR UPDATE
/// SKIP LOCKED) RETURNING</c>, which gives each pending message a lease owned by this dispatcher;
/// other host instances skip locked and leased rows, so one message goes to one dispatcher. On
/// SQLite (single instance by design) each candidate is claimed with a conditional update.
/// </para>
/// <para>
/// Failure: a handler that throws leaves the message pending with <c>attempts + 1</c> and a next
/// attempt after an exponential backoff (<see cref="OutboxOptions.InitialRetryDelay"/> doubled per
/// attempt, capped by <see cref="OutboxOptions.MaxRetryDelay"/>); after
/// <see cref="OutboxOptions.MaxAttempts"/> it is parked with <c>failed_at</c> for an operator.
/// A crash mid-batch leaves leases that expire after <see cref="OutboxOptions.LeaseDuration"/>.
/// </para>
/// </remarks>
/// <typeparam name="TContext">The module's DbContext holding the outbox.</typeparam>
public sealed partial class OutboxDispatcher<TContext> : BackgroundService
    where TContext : ModuleDbContext
{
    private static readonly Meter Meter = new("Egov.Outbox");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("egov.outbox.published", "{message}", "Integration events published after commit.");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("egov.outbox.failed_attempts", "{attempt}", "Failed attempts to publish an integration event.");
    private static readonly Counter<long> Parked = Meter.CreateCounter<long>("egov.outbox.parked", "{message}", "Integration events given up after the maximum number of attempts.");

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly OutboxSignal _signal;
    private readonly ILogger _logger;
    private readonly string _owner;

    /// <summary>Creates a dispatcher; the host registers one per module.</summary>
    public OutboxDispatcher(
        IServiceScopeFactory scopeFactory,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        OutboxSignal signal,
        ILogger<OutboxDispatcher<TContext>> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopeFactory = scopeFactory;
        _options = options.Value;
        _time = time;
        _signal = signal;
        _logger = logger;
        _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{typeof(TContext).Name}/{Guid.NewGuid():N}";
    }

    /// <summary>
    /// Claims one batch of due messages and publishes each; returns how many were claimed.
    /// Safe to call from several dispatchers (and host instances) at once.
    /// </summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var claimed = await ClaimAsync(db, cancellationToken);
        foreach (var message in claimed)
        {
            await PublishAsync(scope.ServiceProvider, db, message, cancellationToken);
        }

        return claimed.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // Let the host finish starting (and migrations run) before the first claim.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be down or not migrated yet; keep the loop alive and try again.
                LogLoopFailed(ex, typeof(TContext).Name);
            }

            if (claimed < _options.BatchSize)
            {
                try
                {
                    await _signal.WaitAsync(typeof(TContext), _options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(TContext db, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var lockedUntil = now + _options.LeaseDuration;

        if (db.Database.IsNpgsql())
        {
            // The schema is a constant of the module's code, never input; values go in as parameters.
            var table = $"\"{db.Schema}\".outbox_messages";
            var sql = $$"""
                    UPDATE {{table}} SET locked_until = {0}, lock_owner = {1}
                    WHERE id IN (
                        SELECT id FROM {{table}}
                        WHERE processed_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {2}
                          AND (locked_until IS NULL OR locked_until < {2})
                        ORDER BY occurred_at, id
                        LIMIT {3}
                        FOR UPDATE SKIP LOCKED)
                    RETURNING *
                    """;
            return await db.OutboxMessages
                .FromSqlRaw(sql, lockedUntil, _owner, now, _options.BatchSize)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
        }

        var candidates = await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Take(_options.BatchSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var claimed = new List<OutboxMessage>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var rows = await db.OutboxMessages
                .Where(m => m.Id == candidate.Id && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil).SetProperty(m => m.LockOwner, _owner), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(candidate);
            }
        }

        return claimed;
    }

    private async Task PublishAsync(IServiceProvider services, TContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var type = Type.GetType(message.EventType, throwOnError: true)!;
            var integrationEvent = JsonSerializer.Deserialize(message.Payload, type, ModuleDbContext.EventSerializerOptions)
                ?? throw new JsonException($"Outbox message {message.Id} has an empty payload.");
            var publisher = services.GetRequiredService<IPublisher>();
            await publisher.Publish(integrationEvent, cancellationToken);

            var processedAt = _time.GetUtcNow();
            await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.LockOwner == _owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ProcessedAt, processedAt)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            Published.Add(1, new KeyValuePair<string, object?>("module", db.Schema));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var now = _time.GetUtcNow();
            var parked = attempts >= _options.MaxAttempts;
            var error = $"{ex.GetType().FullName}: {ex.Message}";
            if (error.Length > 2000)
            {
                error = error[..2000];
            }

            await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.LockOwner == _owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, now + RetryDelay(attempts))
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.FailedAt, parked ? now : null), CancellationToken.None);

            Failed.Add(1, new KeyValuePair<string, object?>("module", db.Schema));
            if (parked)
            {
                Parked.Add(1, new KeyValuePair<string, object?>("module", db.Schema));
                LogParked(ex, message.EventType, message.Id, attempts);
            }
            else
            {
                LogRetry(ex, message.EventType, message.Id, attempts);
            }
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.InitialRetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));

        // Up to 10 % jitter so that instances recovering together do not retry in lockstep.
        return delay + TimeSpan.FromTicks((long)(delay.Ticks * 0.1 * Random.Shared.NextDouble()));
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Publishing {EventType} {EventId} failed (attempt {Attempts}); it will be retried")]
    private partial void LogRetry(Exception exception, string eventType, Guid eventId, int attempts);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Publishing {EventType} {EventId} failed {Attempts} times; the message is parked (failed_at set)")]
    private partial void LogParked(Exception exception, string eventType, Guid eventId, int attempts);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "The outbox dispatcher of {Module} failed; it will try again")]
    private partial void LogLoopFailed(Exception exception, string module);
}
