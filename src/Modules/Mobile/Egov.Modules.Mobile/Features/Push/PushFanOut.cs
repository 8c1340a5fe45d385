using System.Collections.Concurrent;
using System.Diagnostics;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Engines.PushCrypto;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Works off <see cref="PushJob"/>s in two lanes: an alert lane that claims only
/// <see cref="PushPriority.Alert"/> jobs, and a general lane that claims by priority, then age. A
/// routine job however long (slow push services, a large audience) thus never stands between an
/// alert and its devices, and while an alert job runs in an instance its general lane claims only
/// alert jobs, so routine pushes take no CPU or sockets from the alert there. It is the kernel's
/// <see cref="LeasedWorker{TItem}"/> (ADR 0020): a claim is a lease taken with <see cref="LeaseClaim"/>
/// (several instances never push the same job at once), one job per claim.
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
internal sealed partial class PushFanOut : LeasedWorker<PushJob>
{
    /// <summary>The priority lane's claim: alert jobs only (also the general lane's while an alert job runs here).</summary>
    private static readonly LeaseQuery<PushJob> AlertDue = new(
        "push_jobs",
        "completed_at IS NULL AND priority = 1",
        "priority DESC, created_at, id",
        (jobs, _) => jobs.Where(j => j.CompletedAt == null && j.Priority == PushPriority.Alert),
        ByPriorityThenAge);

    /// <summary>The general lane's claim: every pending job, alerts first, then the oldest.</summary>
    private static readonly LeaseQuery<PushJob> AnyDue = new(
        "push_jobs",
        "completed_at IS NULL",
        "priority DESC, created_at, id",
        (jobs, _) => jobs.Where(j => j.CompletedAt == null),
        ByPriorityThenAge);

    private readonly IServiceScopeFactory _scopes;
    private readonly Dictionary<DevicePlatform, IPushSender> _senders;
    private readonly PushOptions _options;
    private readonly WorkSignal<PushFanOut> _signal;
    private readonly ILogger<PushFanOut> _logger;
    private readonly LaneSlots _alertSlots;
    private readonly LaneSlots _generalSlots;

    /// <summary>
    /// Pushes being prepared (encrypted, their request started) at once, across lanes: two per core.
    /// The CPU work of a fan-out thus enters the thread pool a few items at a time.
    /// </summary>
    private readonly SemaphoreSlim _preparing = new(2 * Environment.ProcessorCount);

    /// <summary>Which lane claimed a job still to be processed: the job pushes within that lane's slots.</summary>
    private readonly ConcurrentDictionary<Guid, WorkLane> _claimedBy = new();
    private int _alertJobsRunning;

    public PushFanOut(IServiceScopeFactory scopes, IEnumerable<IPushSender> senders, IOptions<PushOptions> options, WorkSignal<PushFanOut> signal, TimeProvider time, ILogger<PushFanOut> logger)
        : base(signal, time, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _senders = senders.ToDictionary(s => s.Platform);
        _options = options.Value;
        _signal = signal;
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
        _preparing.Dispose();
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

    protected override bool Enabled => _options.Enabled;

    /// <summary>The alert lane and the general lane.</summary>
    protected override IReadOnlyList<WorkLane> Lanes { get; } = [WorkLane.Priority, WorkLane.General];

    /// <summary>One job per claim: a job is a whole audience (or an alert's shard), not a row of work.</summary>
    protected override int ClaimSize => 1;

    protected override int MaxItemsInFlight => _options.JobsPerLane;

    protected override TimeSpan LeaseDuration => _options.LeaseDuration;

    /// <summary>
    /// The lease is renewed while the job runs, not only between batches: a batch against a push
    /// service that times out can take longer than the lease, and another instance must not take the
    /// job over meanwhile.
    /// </summary>
    protected override bool RenewsLease => true;

    /// <summary>A lane takes its next job (another shard, ADR 0016) once every push of the current one has started.</summary>
    protected override bool ClaimsAfterRelease => true;

    protected override TimeSpan PollInterval(WorkLane lane) => lane == WorkLane.Priority ? _options.AlertPollInterval : _options.PollInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Enabled)
        {
            foreach (var sender in _senders.Values.Where(s => !s.IsConfigured))
            {
                LogPlatformOff(DevicePlatforms.Name(sender.Platform));
            }

            // Operators see whether Web Push runs on OpenSSL's EVP interface or fell back to .NET's (ADR 0029).
            LogKeyAgreement(P256KeyAgreement.Default.Name);
        }

        await base.ExecuteAsync(stoppingToken);
    }

    protected override async Task<IReadOnlyList<PushJob>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();

        // While this instance fans out an alert, its general lane takes only alert jobs (other
        // shards): routine pushes would take CPU and sockets from the alert on this machine.
        var onlyAlerts = lane == WorkLane.Priority || Volatile.Read(ref _alertJobsRunning) > 0;
        var jobs = await LeaseClaim.ClaimAsync(db, db.Schema, onlyAlerts ? AlertDue : AnyDue, limit, lease, cancellationToken);
        foreach (var job in jobs)
        {
            _claimedBy[job.Id] = lane;
        }

        return jobs;
    }

    /// <summary>Splits off the rest of an alert's audience, then fans the job out and completes it.</summary>
    protected override async Task ProcessAsync(PushJob item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var lane = _claimedBy.TryRemove(item.Id, out var claimedBy) ? claimedBy : WorkLane.General;
        var alert = item.Priority == PushPriority.Alert;
        if (alert)
        {
            Interlocked.Increment(ref _alertJobsRunning);
        }

        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
            await SplitAsync(db, item, cancellationToken);
            await FanOutAsync(db, item, lane == WorkLane.Priority ? _alertSlots : _generalSlots, cancellationToken);
        }
        finally
        {
            ReleaseLane();
            if (alert && Interlocked.Decrement(ref _alertJobsRunning) == 0)
            {
                // The general lane held routine work back; it takes it up now, not at its next poll.
                _signal.Notify();
            }
        }
    }

    protected override async Task RenewLeaseAsync(IReadOnlyList<PushJob> items, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await LeaseClaim.RenewAsync<PushJob>(scope.ServiceProvider.GetRequiredService<MobileDbContext>(), [.. items.Select(j => j.Id)], Owner, until, cancellationToken);
    }

    private static IOrderedQueryable<PushJob> ByPriorityThenAge(IQueryable<PushJob> jobs) =>
        jobs.OrderByDescending(j => j.Priority).ThenBy(j => j.CreatedAt).ThenBy(j => j.Id);

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
        var bounded = await db.PushJobs.Where(j => j.Id == job.Id && j.LockOwner == Owner && j.UpTo == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.UpTo, boundary), cancellationToken);
        if (bounded == 0)
        {
            // The lease was lost; the fan-out finds out when it stores its first batch.
            await transaction.RollbackAsync(CancellationToken.None);
            return;
        }

        db.PushJobs.Add(job.RemainderAfter(boundary, Guid.CreateVersion7(Time.GetUtcNow())));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        job.UpTo = boundary;
        LogSplit(job.Id, _options.ShardSize);
        _signal.Notify();
    }

    private async Task FanOutAsync(MobileDbContext db, PushJob job, LaneSlots slots, CancellationToken cancellationToken)
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

                    // On the thread pool: the encryption before each request is CPU work, spread over all
                    // cores, but only a few pushes at a time (_preparing), and queued fairly (the pool's
                    // global queue, not this thread's local one, which the pool's threads serve first), so
                    // every other continuation — the crisis channels, the database, requests — keeps its
                    // turn while a large audience is pushed.
                    try
                    {
                        await _preparing.WaitAsync(cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        slots.Release(active: true);
                        throw;
                    }

                    var push = Task.Factory.StartNew(
                        () => PushAsync(target, delivery, job.Type, slots, cancellationToken),
                        CancellationToken.None,
                        TaskCreationOptions.PreferFairness | TaskCreationOptions.DenyChildAttach,
                        TaskScheduler.Default).Unwrap();
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
            ReleaseLane();
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
        var done = Time.GetUtcNow();
        await db.PushJobs.Where(j => j.Id == job.Id && j.LockOwner == Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.CompletedAt, done)
                .SetProperty(j => j.CompletedBy, Owner)
                .SetProperty(j => j.Subject, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LockOwner, (string?)null), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        PushMetrics.FanOutDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("type", job.Type));
        var totals = await db.PushJobs.AsNoTracking().Where(j => j.Id == job.Id).Select(j => new { j.Sent, j.Failed, j.Pruned }).SingleAsync(cancellationToken);
        LogJobDone(job.Type, job.Id, totals.Sent, totals.Failed, totals.Pruned, elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// One push within the lane's <paramref name="slots"/> (taken by the caller, with a place in
    /// <c>_preparing</c>): given back as soon as the push has been prepared and its request started,
    /// its active slot after <see cref="SlowAnswer"/> without an answer, its request in flight at the end.
    /// </summary>
    private async Task<(Guid Device, PushOutcomeKind Kind)> PushAsync(PushTarget target, PushDelivery delivery, string type, LaneSlots slots, CancellationToken cancellationToken)
    {
        var active = true;
        try
        {
            Task<PushOutcome> delivering;
            try
            {
                // Runs synchronously up to the first wait for the network: the encryption and the request's start.
                delivering = DeliverAsync(target, delivery, type, cancellationToken);
            }
            finally
            {
                _preparing.Release();
            }

            await ((Task)delivering.WaitAsync(SlowAnswer, Time, CancellationToken.None)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
        var leaseUntil = Time.GetUtcNow() + _options.LeaseDuration;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pruned = gone.Count == 0 ? 0 : await db.Devices.Where(d => gone.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
        var updated = await db.PushJobs.Where(j => j.Id == jobId && j.LockOwner == Owner)
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
                    await Task.Delay(delay, Time, cancellationToken);
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



    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Push platform {Platform} is not configured (Egov:Push); its registrations are refused")]
    private partial void LogPlatformOff(string platform);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Web Push encryption uses the key agreement of {Implementation}")]
    private partial void LogKeyAgreement(string implementation);

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
