using Egov.SharedKernel.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Egov.SharedKernel.Work;

/// <summary>
/// The kernel's one background worker for leased work (outbox, deliveries, push): each of its
/// <see cref="Lanes"/> claims up to <see cref="ClaimSize"/> due items with a lease, works them off
/// (at most <see cref="MaxParallelism"/> at once per claimed batch, in claiming order when 1),
/// renews the lease while they run when <see cref="RenewsLease"/>, and claims again as soon as it
/// has room (at most <see cref="MaxItemsInFlight"/> items per lane). An idle lane sleeps until its
/// <see cref="WorkSignal"/> is notified after a commit, or for its <see cref="PollInterval"/>.
/// </summary>
/// <remarks>
/// <para>The table-specific parts are the derived class's: what is due and how it is claimed
/// (<see cref="ClaimAsync"/>, usually through <see cref="LeaseClaim"/>), how one item is worked off
/// and its outcome recorded (<see cref="ProcessAsync"/>, with <see cref="Backoff"/> for retries),
/// and what follows a batch (<see cref="CompleteAsync"/>).</para>
/// <para>Failure: an item whose processing throws is logged and left to its lease — another round
/// takes it up when the lease runs out; a failed claim is logged and tried again after the poll
/// interval (the database may be down or not migrated yet). Stop: the host's stopping token
/// cancels the items in flight and the lanes end; unfinished items keep their leases, which run out.</para>
/// </remarks>
/// <typeparam name="TItem">What one claim yields per item: a row, or the part of it the work needs.</typeparam>
public abstract partial class LeasedWorker<TItem> : BackgroundService
{
    private readonly WorkSignal _signal;
    private readonly ILogger _logger;

    /// <summary>Creates the worker.</summary>
    /// <param name="signal">Wakes the lanes after new work is committed.</param>
    /// <param name="time">The clock of leases and polls.</param>
    /// <param name="logger">Where failed rounds and items are logged.</param>
    protected LeasedWorker(WorkSignal signal, TimeProvider time, ILogger logger)
    {
        _signal = signal;
        Time = time;
        _logger = logger;
        Owner = $"{Environment.MachineName}/{Environment.ProcessId}/{GetType().Name}/{Guid.NewGuid():N}";

        // Derived workers compare rows with Owner in their queries; EF Core reads it by reflection.
        ReflectionCaches.KeepAlive(typeof(LeasedWorker<TItem>));
    }

    /// <summary>This worker's name in <c>lock_owner</c>: host, process, worker type and a random part.</summary>
    public string Owner { get; }

    /// <summary>The clock of leases and polls.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Whether the worker runs in this host at all (configuration).</summary>
    protected virtual bool Enabled => true;

    /// <summary>The lanes, each an independent loop (default: one general lane).</summary>
    protected virtual IReadOnlyList<WorkLane> Lanes { get; } = [WorkLane.General];

    /// <summary>Items claimed at most per claim.</summary>
    protected abstract int ClaimSize { get; }

    /// <summary>Items a lane holds at most (claimed, not yet done); default <see cref="ClaimSize"/>: one batch at a time.</summary>
    protected virtual int MaxItemsInFlight => ClaimSize;

    /// <summary>Items of one claimed batch worked on at once; 1 (default) works them off in claiming order.</summary>
    protected virtual int MaxParallelism => 1;

    /// <summary>How long a claim holds; the lease a dead worker leaves runs out after this.</summary>
    protected abstract TimeSpan LeaseDuration { get; }

    /// <summary>Whether the lease of a running batch is renewed every third of <see cref="LeaseDuration"/> (work that may outlast a lease).</summary>
    protected virtual bool RenewsLease => false;

    /// <summary>
    /// Whether a lane waits, before its next claim, until the batch just claimed called
    /// <see cref="ReleaseLane"/> (or ended). Push sets it: a lane takes its next job (another shard
    /// of an alert, ADR 0016) once every push of the current one has started, not before, so the
    /// shards spread over the instances instead of queueing in one. Default false: claim at once.
    /// </summary>
    protected virtual bool ClaimsAfterRelease => false;

    /// <summary>How long an idle <paramref name="lane"/> sleeps when nothing wakes it.</summary>
    protected abstract TimeSpan PollInterval(WorkLane lane);

    /// <summary>Claims up to <paramref name="limit"/> due items of <paramref name="lane"/> under <paramref name="lease"/>; empty when none is due.</summary>
    protected abstract Task<IReadOnlyList<TItem>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken);

    /// <summary>Works off one claimed item and records its outcome (done, retry later, given up).</summary>
    protected abstract Task ProcessAsync(TItem item, CancellationToken cancellationToken);

    /// <summary>Renews the lease of <paramref name="items"/> to <paramref name="until"/> (only called when <see cref="RenewsLease"/>).</summary>
    protected virtual Task RenewLeaseAsync(IReadOnlyList<TItem> items, DateTimeOffset until, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after every item of a batch was worked off (e.g. completing the posts whose deliveries ended).</summary>
    protected virtual Task CompleteAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// One round of <paramref name="lane"/>: claims one batch and works it off. Safe to call from
    /// several workers and host instances at once (tests and benchmarks drive workers with it).
    /// </summary>
    /// <returns>The number of items claimed.</returns>
    public async Task<int> RunOnceAsync(WorkLane lane, CancellationToken cancellationToken)
    {
        var items = await ClaimAsync(lane, ClaimSize, NewLease(), cancellationToken);
        if (items.Count > 0)
        {
            await RunBatchAsync(items, cancellationToken);
        }

        return items.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        // Let the host finish starting (and migrations run) before the first claim.
        await Task.Yield();
        await Task.WhenAll(Lanes.Select(lane => LaneAsync(lane, stoppingToken)));
    }

    /// <summary>
    /// Called from <see cref="ProcessAsync"/>: the lane may claim again although this item still
    /// runs (its last part only waits, e.g. for slow answers). Only meaningful with
    /// <see cref="ClaimsAfterRelease"/>; without it, or called twice, it does nothing.
    /// </summary>
    protected static void ReleaseLane() => Released.Value?.TrySetResult();

    private static readonly AsyncLocal<TaskCompletionSource?> Released = new();

    private Lease NewLease()
    {
        var now = Time.GetUtcNow();
        return new Lease(Owner, now, now + LeaseDuration);
    }

    private async Task LaneAsync(WorkLane lane, CancellationToken stoppingToken)
    {
        // Batches in flight with their item counts. A list, not a dictionary keyed by task: batches
        // that complete synchronously all return the one cached completed task, so two of them in
        // one round were the same key (the round broke off with an error in the log, though its items were done).
        var running = new List<(Task Batch, int Items)>();
        Task<bool>? wakeUp = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(r => r.Batch.IsCompleted);
            var inFlight = running.Sum(r => r.Items);
            try
            {
                while (inFlight < MaxItemsInFlight)
                {
                    var items = await ClaimAsync(lane, Math.Min(ClaimSize, MaxItemsInFlight - inFlight), NewLease(), stoppingToken);
                    if (items.Count == 0)
                    {
                        break;
                    }

                    inFlight += items.Count;
                    var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var batch = TrackAsync(lane, items, released, stoppingToken);
                    running.Add((batch, items.Count));
                    if (ClaimsAfterRelease)
                    {
                        await Task.WhenAny(released.Task, batch).WaitAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRoundFailed(ex, GetType().Name, lane);
            }

            try
            {
                // A lane with room waits for a wake-up, the poll or a batch ending; a full lane for a
                // batch ending. The wake-up wait is kept across rounds, never abandoned: an abandoned
                // wait would still take the next notification and swallow it.
                wakeUp ??= _signal.WaitAsync(lane, PollInterval(lane), stoppingToken);
                var batches = running.Select(r => r.Batch);
                var done = inFlight >= MaxItemsInFlight ? await Task.WhenAny(batches) : await Task.WhenAny([wakeUp, .. batches]);
                if (done == wakeUp)
                {
                    await wakeUp;
                    wakeUp = null;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(running.Select(r => r.Batch));
    }

    /// <summary>Works off a batch the lane claimed; never throws (the lane loop only waits for it).</summary>
    private async Task TrackAsync(WorkLane lane, IReadOnlyList<TItem> items, TaskCompletionSource released, CancellationToken stoppingToken)
    {
        // Flows into ProcessAsync (and only there): ReleaseLane completes this batch's signal.
        Released.Value = released;
        try
        {
            await RunBatchAsync(items, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops; the leases run out and the items are taken up again.
        }
        catch (Exception ex)
        {
            LogRoundFailed(ex, GetType().Name, lane);
        }
    }

    private async Task RunBatchAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
    {
        using var stopRenewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewsLease ? RenewWhileRunningAsync(items, stopRenewal.Token) : Task.CompletedTask;
        try
        {
            if (MaxParallelism <= 1)
            {
                foreach (var item in items)
                {
                    await ProcessOneAsync(item, cancellationToken);
                }
            }
            else
            {
                await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelism, CancellationToken = cancellationToken },
                    async (item, ct) => await ProcessOneAsync(item, ct));
            }
        }
        finally
        {
            await stopRenewal.CancelAsync();
            await renewal;
        }

        await CompleteAsync(items, cancellationToken);
    }

    private async Task ProcessOneAsync(TItem item, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One item's defect must not stop its batch; its lease runs out and it is tried again.
            LogItemFailed(ex, GetType().Name, item);
        }
    }

    private async Task RenewWhileRunningAsync(IReadOnlyList<TItem> items, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 3, Time, stop);
                await RenewLeaseAsync(items, Time.GetUtcNow() + LeaseDuration, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The batch is done (or the host stops).
        }
        catch (Exception ex)
        {
            // Not fatal: the lease still runs; the item's own writes check that it still holds it.
            LogRenewalFailed(ex, GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "A round of {Worker} ({Lane} lane) failed; it tries again")]
    private partial void LogRoundFailed(Exception exception, string worker, WorkLane lane);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "{Worker} failed on {Item}; its lease runs out and it is tried again")]
    private partial void LogItemFailed(Exception exception, string worker, object? item);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "{Worker} could not renew a lease")]
    private partial void LogRenewalFailed(Exception exception, string worker);
}
