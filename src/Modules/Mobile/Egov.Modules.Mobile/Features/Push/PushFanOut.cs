using System.Diagnostics;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Works off <see cref="PushJob"/>s in two lanes: an alert lane that claims only
/// <see cref="PushPriority.Alert"/> jobs, and a general lane that claims by priority, then age. A
/// routine job however long (slow push services, a large audience) thus never stands between an
/// alert and its devices, and while an alert job runs in an instance its general lane claims only
/// alert jobs, so routine pushes take no CPU or sockets from the alert there. A claim is a lease (several instances never push the same job at once).
/// An alert job's audience is split into shards of <see cref="PushOptions.ShardSize"/> devices, so
/// the lanes of every instance share one alert. The job's audience is read in batches of
/// <see cref="PushOptions.BatchSize"/> devices in id order and pushed with at most
/// <see cref="PushOptions.MaxParallelism"/> requests in flight per lane, across batches and jobs: a
/// slow device holds one slot, not the batch, and once every push of a job has started the lane
/// claims its next job (up to <see cref="PushOptions.JobsPerLane"/> at once) while the stragglers
/// wait for their answers. Registrations the push service calls gone are removed; the cursor and
/// counts are stored once a batch and every batch before it are done (the lease is renewed all
/// along). A host that dies resumes after the last stored batch: devices of the batches in flight
/// may get the notification twice, no one loses it.
/// </summary>
internal sealed partial class PushFanOut : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly Dictionary<DevicePlatform, IPushSender> _senders;
    private readonly PushOptions _options;
    private readonly PushSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<PushFanOut> _logger;
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/push/{Guid.NewGuid():N}";
    private readonly LaneSlots _alertSlots;
    private readonly LaneSlots _generalSlots;
    private int _alertJobsRunning;

    public PushFanOut(IServiceScopeFactory scopes, IEnumerable<IPushSender> senders, IOptions<PushOptions> options, PushSignal signal, TimeProvider time, ILogger<PushFanOut> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _senders = senders.ToDictionary(s => s.Platform);
        _options = options.Value;
        _signal = signal;
        _time = time;
        _logger = logger;
        _alertSlots = new LaneSlots(_options.MaxParallelism);
        _generalSlots = new LaneSlots(_options.MaxParallelism);
    }

    /// <summary>
    /// How long a push may hold one of the lane's active slots without an answer. Push services
    /// answer within tens of milliseconds; a push still waiting after this gives its slot to the next
    /// device and waits on as one of the lane's waiting requests (at most twice
    /// <see cref="PushOptions.MaxParallelism"/>), so slow and dead endpoints hold sockets, never the
    /// slots the answering ones need.
    /// </summary>
    internal static readonly TimeSpan SlowAnswer = TimeSpan.FromMilliseconds(500);

    public override void Dispose()
    {
        base.Dispose();
        _alertSlots.Dispose();
        _generalSlots.Dispose();
    }

    /// <summary>
    /// A lane's budget of requests: <c>MaxParallelism</c> active slots (a push that has not yet waited
    /// <see cref="SlowAnswer"/>) within twice as many requests in flight (sockets). Taken in that order
    /// and given back in reverse, so two budgets never deadlock.
    /// </summary>
    private sealed class LaneSlots(int maxParallelism) : IDisposable
    {
        private readonly SemaphoreSlim _active = new(maxParallelism);
        private readonly SemaphoreSlim _inFlight = new(2 * maxParallelism);

        /// <summary>Waits for a request in flight and an active slot.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            await _inFlight.WaitAsync(cancellationToken);
            try
            {
                await _active.WaitAsync(cancellationToken);
            }
            catch
            {
                _inFlight.Release();
                throw;
            }
        }

        /// <summary>A slow push gives its active slot to the next device and waits on.</summary>
        public void ReleaseActive() => _active.Release();

        /// <summary>A push is done: its request in flight, and its active slot when it still held one.</summary>
        public void Release(bool active)
        {
            if (active)
            {
                _active.Release();
            }

            _inFlight.Release();
        }

        public void Dispose()
        {
            _active.Dispose();
            _inFlight.Dispose();
        }
    }

    /// <summary>Claims (alerts first, then the oldest) and completes one due job; false when there was none.</summary>
    public Task<bool> RunOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(alertsOnly: false, cancellationToken);

    /// <summary>Claims and completes one due job, of the alert lane only when <paramref name="alertsOnly"/>; false when there was none.</summary>
    public async Task<bool> RunOnceAsync(bool alertsOnly, CancellationToken cancellationToken)
    {
        var run = await StartNextAsync(alertsOnly, cancellationToken);
        if (run is null)
        {
            return false;
        }

        await run;
        return true;
    }

    /// <summary>
    /// Claims a due job of the lane and starts its pushes. Returns once every push of the job has
    /// started (or the job ended), with the task that waits for the last answers and completes the
    /// job; null when no job was due.
    /// </summary>
    private async Task<Task?> StartNextAsync(bool alertsOnly, CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        PushJob? job;
        try
        {
            // While this instance fans out an alert, its general lane takes only alert jobs (other
            // shards): routine pushes would take CPU and sockets from the alert on this machine.
            var onlyAlerts = alertsOnly || Volatile.Read(ref _alertJobsRunning) > 0;
            job = await ClaimAsync(scope.ServiceProvider.GetRequiredService<MobileDbContext>(), onlyAlerts, cancellationToken);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }

        if (job is null)
        {
            await scope.DisposeAsync();
            return null;
        }

        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunClaimedAsync(scope, job, alertsOnly ? _alertSlots : _generalSlots, allStarted, cancellationToken);
        await Task.WhenAny(allStarted.Task, run);
        return run;
    }

    /// <summary>Splits off the rest of an alert's audience, fans the job out and completes it, renewing the lease all along.</summary>
    private async Task RunClaimedAsync(AsyncServiceScope scope, PushJob job, LaneSlots slots, TaskCompletionSource allStarted, CancellationToken cancellationToken)
    {
        await using (scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();

            // The lease is renewed while the job runs, not only between batches: a batch against a push
            // service that times out can take longer than the lease, and another instance must not take
            // the job over meanwhile.
            using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var heartbeat = RenewLeaseAsync(job.Id, stopHeartbeat.Token);
            var alert = job.Priority == PushPriority.Alert;
            if (alert)
            {
                Interlocked.Increment(ref _alertJobsRunning);
            }

            try
            {
                await SplitAsync(db, job, cancellationToken);
                await FanOutAsync(db, job, slots, allStarted, cancellationToken);
            }
            finally
            {
                allStarted.TrySetResult();
                await stopHeartbeat.CancelAsync();
                await heartbeat;
                if (alert && Interlocked.Decrement(ref _alertJobsRunning) == 0)
                {
                    // The general lane held routine work back; it takes it up now, not at its next poll.
                    _signal.Notify();
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // Let the host finish starting (and migrations run) before the first claim.
        await Task.Yield();
        foreach (var sender in _senders.Values.Where(s => !s.IsConfigured))
        {
            LogPlatformOff(DevicePlatforms.Name(sender.Platform));
        }

        await Task.WhenAll(LaneAsync(alertsOnly: true, stoppingToken), LaneAsync(alertsOnly: false, stoppingToken));
    }

    private async Task LaneAsync(bool alertsOnly, CancellationToken stoppingToken)
    {
        var poll = alertsOnly ? _options.AlertPollInterval : _options.PollInterval;
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            try
            {
                while (running.Count < _options.JobsPerLane && await StartNextAsync(alertsOnly, stoppingToken) is { } run)
                {
                    running.Add(ObserveAsync(run, stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be down or not migrated yet; the job's lease runs out and it is taken up again.
                LogLoopFailed(ex);
            }

            try
            {
                // A full lane waits for one of its jobs to finish; a lane with room for a job waits for
                // a notification or the poll (never both: an abandoned wait would swallow a notification).
                if (running.Count >= _options.JobsPerLane)
                {
                    await Task.WhenAny(running).WaitAsync(stoppingToken);
                }
                else
                {
                    await _signal.WaitAsync(alertsOnly ? WorkLane.Priority : WorkLane.General, poll, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(running);
    }

    /// <summary>Waits for a job started by a lane and logs its failure; never throws.</summary>
    private async Task ObserveAsync(Task run, CancellationToken stoppingToken)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops; the lease runs out and another instance resumes after the stored cursor.
        }
        catch (Exception ex)
        {
            LogLoopFailed(ex);
        }
    }

    private async Task<PushJob?> ClaimAsync(MobileDbContext db, bool alertsOnly, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var due = db.PushJobs.AsNoTracking().Where(j => j.CompletedAt == null && (j.LockedUntil == null || j.LockedUntil < now));
        if (alertsOnly)
        {
            due = due.Where(j => j.Priority == PushPriority.Alert);
        }

        var candidates = await due
            .OrderByDescending(j => j.Priority)
            .ThenBy(j => j.CreatedAt)
            .Select(j => j.Id)
            .Take(5)
            .ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            // A conditional update: of several instances (and lanes), exactly one gets the row.
            var claimed = await db.PushJobs
                .Where(j => j.Id == id && j.CompletedAt == null && (j.LockedUntil == null || j.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, now + _options.LeaseDuration).SetProperty(j => j.LockOwner, _owner), cancellationToken);
            if (claimed == 1)
            {
                return await db.PushJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// Alert jobs without an upper bound keep the first <see cref="PushOptions.ShardSize"/> devices after
    /// their cursor and leave the rest as a new job, which any lane of any instance claims (and splits
    /// again). Bound and new job are stored in one transaction, conditional on this lane's lease, so the
    /// device ranges never overlap: no device is pushed twice, none is left out.
    /// </summary>
    private async Task SplitAsync(MobileDbContext db, PushJob job, CancellationToken cancellationToken)
    {
        if (job.Audience != PushAudienceKind.Alert || job.UpTo is not null || _options.ShardSize == 0)
        {
            return;
        }

        // The shard's last device and whether any follows it: one index range scan, no audience read.
        var bounds = await Audience(db, job, job.Cursor).Select(d => d.Id).Skip(_options.ShardSize - 1).Take(2).ToListAsync(cancellationToken);
        if (bounds.Count < 2)
        {
            return;
        }

        var boundary = bounds[0];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bounded = await db.PushJobs.Where(j => j.Id == job.Id && j.LockOwner == _owner && j.UpTo == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.UpTo, boundary), cancellationToken);
        if (bounded == 0)
        {
            // The lease was lost; the fan-out finds out when it stores its first batch.
            await transaction.RollbackAsync(CancellationToken.None);
            return;
        }

        db.PushJobs.Add(job.RemainderAfter(boundary, Guid.CreateVersion7(_time.GetUtcNow())));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        job.UpTo = boundary;
        LogSplit(job.Id, _options.ShardSize);
        _signal.Notify();
    }

    private async Task FanOutAsync(MobileDbContext db, PushJob job, LaneSlots slots, TaskCompletionSource allStarted, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var deliveries = new Dictionary<string, PushDelivery>(StringComparer.Ordinal)
        {
            ["de"] = PushDelivery.Of(job, "de"),
            ["en"] = PushDelivery.Of(job, "en"),
        };
        var cursor = job.Cursor;
        var regionalKeys = job.RegionalKeys;

        // One slot of the lane per request in flight, across batches and jobs: reading the next batch
        // waits only for free slots, never for the slowest device of the batch before.
        var inFlight = new Queue<BatchInFlight>();
        var started = new List<Task>();
        try
        {
            while (true)
            {
                var batch = await Audience(db, job, cursor)
                    .Select(d => new { d.Id, d.Platform, d.Endpoint, d.P256dh, d.Auth, d.Language, d.Regions })
                    .Take(_options.BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                cursor = batch[^1].Id;
                var pushes = new List<Task<(Guid Device, PushOutcomeKind Kind)>>(batch.Count);
                foreach (var d in batch.Where(d => job.Audience != PushAudienceKind.Alert || RegionalKey.Matches(d.Regions, regionalKeys)))
                {
                    await slots.WaitAsync(cancellationToken);
                    var target = new PushTarget(d.Id, d.Platform, d.Endpoint, d.P256dh, d.Auth, d.Language);
                    var delivery = deliveries.GetValueOrDefault(target.Language) ?? deliveries["de"];

                    // On the thread pool: the encryption before each request is CPU work, spread over all cores.
                    var push = Task.Run(
                        async () =>
                        {
                            var active = true;
                            try
                            {
                                var delivering = DeliverAsync(target, delivery, job.Type, cancellationToken);
                                await ((Task)delivering.WaitAsync(SlowAnswer, _time, CancellationToken.None)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                                if (!delivering.IsCompleted)
                                {
                                    slots.ReleaseActive();
                                    active = false;
                                }

                                return (target.Id, (await delivering).Kind);
                            }
                            finally
                            {
                                slots.Release(active);
                            }
                        },
                        CancellationToken.None);
                    pushes.Add(push);
                    started.Add(push);
                }

                inFlight.Enqueue(new BatchInFlight(cursor.Value, Task.WhenAll(pushes)));
                PushMetrics.Processed.Add(batch.Count, new KeyValuePair<string, object?>("type", job.Type));
                while (inFlight.TryPeek(out var first) && first.Pushes.IsCompleted)
                {
                    if (!await RecordBatchAsync(db, job.Id, inFlight.Dequeue(), cancellationToken))
                    {
                        LogLeaseLost(job.Id);
                        return;
                    }
                }
            }

            // Every push has started: the lane may claim its next job while these wait for their answers.
            allStarted.TrySetResult();
            while (inFlight.TryDequeue(out var pending))
            {
                await pending.Pushes;
                if (!await RecordBatchAsync(db, job.Id, pending, cancellationToken))
                {
                    LogLeaseLost(job.Id);
                    return;
                }
            }
        }
        finally
        {
            // Never leave pushes of a job behind its completion (cancellation, a failed read).
            await Task.WhenAll(started).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        // A done job forgets whose devices it reached: the subject is the only personal datum it held.
        var done = _time.GetUtcNow();
        await db.PushJobs.Where(j => j.Id == job.Id && j.LockOwner == _owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.CompletedAt, done)
                .SetProperty(j => j.CompletedBy, _owner)
                .SetProperty(j => j.Subject, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LockOwner, (string?)null), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        PushMetrics.FanOutDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("type", job.Type));
        var totals = await db.PushJobs.AsNoTracking().Where(j => j.Id == job.Id).Select(j => new { j.Sent, j.Failed, j.Pruned }).SingleAsync(cancellationToken);
        LogJobDone(job.Type, job.Id, totals.Sent, totals.Failed, totals.Pruned, elapsed.TotalMilliseconds);
    }

    /// <summary>Extends the lease of <paramref name="jobId"/> every third of the lease duration until stopped.</summary>
    private async Task RenewLeaseAsync(Guid jobId, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.LeaseDuration / 3, _time, stop);
                await using var scope = _scopes.CreateAsyncScope();
                var until = _time.GetUtcNow() + _options.LeaseDuration;
                await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs
                    .Where(j => j.Id == jobId && j.LockOwner == _owner)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, until), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The job is done (or the host stops).
        }
        catch (Exception ex)
        {
            // A failed renewal is not fatal: the lease still runs, and the next batch renews it too.
            LogRenewalFailed(ex, jobId);
        }
    }

    /// <summary>The job's devices after <paramref name="cursor"/> (up to its shard's last device), in id order.</summary>
    internal static IQueryable<Device> Audience(MobileDbContext db, PushJob job, Guid? cursor)
    {
        var devices = db.Devices.AsNoTracking();
        if (cursor is { } after)
        {
            devices = devices.Where(d => d.Id > after);
        }

        if (job.UpTo is { } upTo)
        {
            devices = devices.Where(d => d.Id <= upTo);
        }

        devices = job.Audience switch
        {
            PushAudienceKind.Alert => devices.Where(d => d.AlertThreshold != null && d.AlertThreshold <= (AlertSeverity)job.SeverityRank!.Value),
            PushAudienceKind.Category => devices.Where(d => d.Categories.Any(c => job.Categories.Contains(c))),
            PushAudienceKind.Subject => devices.Where(d => d.Subject == job.Subject),
            _ => devices.Where(_ => false),
        };
        return devices.OrderBy(d => d.Id);
    }

    /// <summary>Removes gone registrations, stores cursor and counts and renews the lease; false when the lease was lost.</summary>
    private async Task<bool> RecordBatchAsync(MobileDbContext db, Guid jobId, BatchInFlight batch, CancellationToken cancellationToken)
    {
        var outcomes = await batch.Pushes;
        var gone = outcomes.Where(o => o.Kind == PushOutcomeKind.Gone).Select(o => o.Device).ToList();
        var sent = outcomes.Count(o => o.Kind == PushOutcomeKind.Delivered);
        var failed = outcomes.Count(o => o.Kind is PushOutcomeKind.Failed or PushOutcomeKind.Retry);
        var leaseUntil = _time.GetUtcNow() + _options.LeaseDuration;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pruned = gone.Count == 0 ? 0 : await db.Devices.Where(d => gone.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
        var updated = await db.PushJobs.Where(j => j.Id == jobId && j.LockOwner == _owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Cursor, batch.Cursor)
                .SetProperty(j => j.Sent, j => j.Sent + sent)
                .SetProperty(j => j.Failed, j => j.Failed + failed)
                .SetProperty(j => j.Pruned, j => j.Pruned + pruned)
                .SetProperty(j => j.LockedUntil, leaseUntil), cancellationToken);
        if (updated == 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A batch whose pushes were started: its last device (the cursor once it is stored) and its pushes' outcomes.</summary>
    private sealed record BatchInFlight(Guid Cursor, Task<(Guid Device, PushOutcomeKind Kind)[]> Pushes);

    /// <summary>One push with its retries: after the service's <c>Retry-After</c>, else an exponential backoff with jitter.</summary>
    private async Task<PushOutcome> DeliverAsync(PushTarget target, PushDelivery delivery, string type, CancellationToken cancellationToken)
    {
        var platform = DevicePlatforms.Name(target.Platform);
        var tags = new TagList { { "platform", platform }, { "type", type } };
        if (!_senders.TryGetValue(target.Platform, out var sender) || !sender.IsConfigured)
        {
            PushMetrics.Failed.Add(1, tags);
            return PushOutcome.Failed($"{platform} is not configured");
        }

        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await sender.SendAsync(target, delivery, cancellationToken);
            PushMetrics.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            switch (outcome.Kind)
            {
                case PushOutcomeKind.Delivered:
                    PushMetrics.Sent.Add(1, tags);
                    return outcome;
                case PushOutcomeKind.Gone:
                    PushMetrics.Pruned.Add(1, tags);
                    LogPruned(target.Id, platform, outcome.Reason);
                    return outcome;
                case PushOutcomeKind.Retry when attempt < _options.MaxAttempts:
                    var delay = outcome.RetryAfter ?? Backoff(attempt);
                    if (delay > _options.MaxRetryDelay)
                    {
                        break;
                    }

                    PushMetrics.Retried.Add(1, tags);
                    await Task.Delay(delay, _time, cancellationToken);
                    continue;
            }

            PushMetrics.Failed.Add(1, tags);
            LogGivenUp(target.Id, platform, attempt, outcome.Reason);
            return outcome with { Kind = PushOutcomeKind.Failed };
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.InitialRetryDelay * Math.Pow(2, attempt - 1);
        delay += delay * (Random.Shared.NextDouble() * 0.2);
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "The push fan-out failed; it tries again")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Could not renew the lease of push job {JobId}")]
    private partial void LogRenewalFailed(Exception exception, Guid jobId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Push platform {Platform} is not configured (Egov:Push); its registrations are refused")]
    private partial void LogPlatformOff(string platform);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Push job {JobId} was taken over by another instance (lease expired); stopping here")]
    private partial void LogLeaseLost(Guid jobId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Pushed {Type} job {JobId}: {Sent} sent, {Failed} failed, {Pruned} pruned in {ElapsedMs:0} ms")]
    private partial void LogJobDone(string type, Guid jobId, int sent, int failed, int pruned, double elapsedMs);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "Push job {JobId} keeps its next {ShardSize} devices; the rest is a new job for any lane")]
    private partial void LogSplit(Guid jobId, int shardSize);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Removed device {DeviceId} ({Platform}): the push service answered {Reason}")]
    private partial void LogPruned(Guid deviceId, string platform, string? reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Gave up a push to device {DeviceId} ({Platform}) after {Attempts} attempts: {Reason}")]
    private partial void LogGivenUp(Guid deviceId, string platform, int attempts, string? reason);
}
