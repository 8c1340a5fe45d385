using System.Collections.Concurrent;
using Egov.SharedKernel.Work;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace Egov.SharedKernel.Tests;

/// <summary>The kernel's leased worker loop, on items held in memory (the claim SQL is covered by the outbox tests).</summary>
public sealed class LeasedWorkerTests
{
    [Fact]
    public async Task Lane_WithClaimsAfterRelease_ClaimsTheNextItemOnceTheCurrentOneReleasedTheLane()
    {
        using var signal = new WorkSignal<LeasedWorkerTests>();
        using var worker = new ListWorker(signal, releases: true, "first", "second");
        await worker.StartAsync(TestContext.Current.CancellationToken);

        // The first item released the lane and still runs: the second is claimed meanwhile.
        await worker.Started["second"].Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(worker.Finish["first"].Task.IsCompleted);

        worker.Finish["first"].TrySetResult();
        worker.Finish["second"].TrySetResult();
        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Lane_WithClaimsAfterRelease_ClaimsNothingMoreBeforeTheCurrentItemReleasedTheLane()
    {
        using var signal = new WorkSignal<LeasedWorkerTests>();
        using var worker = new ListWorker(signal, releases: false, "first", "second");
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await worker.Started["first"].Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // The lane has room for two items, but the first has not released it: no second claim.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(1, worker.Claims);

        worker.Finish["first"].TrySetResult();
        await worker.Started["second"].Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        worker.Finish["second"].TrySetResult();
        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Lane_WithBatchesThatCompleteSynchronously_WorksThemAllOffWithoutAFailedRound()
    {
        // Each batch is done before its claim returns (nothing to wait for), so every batch task is
        // the runtime's one cached completed task; a lane with room for three claims holds three.
        var logger = new FakeLogger();
        using var signal = new WorkSignal<LeasedWorkerTests>();
        using var worker = new SynchronousWorker(signal, logger, items: 9);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        await worker.AllDone.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await worker.StopAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(logger.Collector.GetSnapshot(), record => record.Level >= LogLevel.Warning);
        Assert.Equal(9, worker.Processed);
    }

    /// <summary>Claims one item at a time, up to three in flight; each is worked off synchronously.</summary>
    private sealed class SynchronousWorker(WorkSignal signal, ILogger logger, int items) : LeasedWorker<int>(signal, TimeProvider.System, logger)
    {
        private int _claimed;
        private int _processed;

        public TaskCompletionSource AllDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Processed => Volatile.Read(ref _processed);

        protected override int ClaimSize => 1;

        protected override int MaxItemsInFlight => 3;

        protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(1);

        protected override TimeSpan PollInterval(WorkLane lane) => TimeSpan.FromMilliseconds(20);

        protected override Task<IReadOnlyList<int>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
        {
            var next = Interlocked.Increment(ref _claimed);
            return Task.FromResult<IReadOnlyList<int>>(next <= items ? [next] : []);
        }

        protected override Task ProcessAsync(int item, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _processed) == items)
            {
                AllDone.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Claims one item at a time from a list; each item runs until the test finishes it.</summary>
    private sealed class ListWorker : LeasedWorker<string>
    {
        private readonly ConcurrentQueue<string> _due;
        private readonly bool _releases;
        private int _claims;

        public ListWorker(WorkSignal signal, bool releases, params string[] items)
            : base(signal, TimeProvider.System, NullLogger.Instance)
        {
            _releases = releases;
            _due = new ConcurrentQueue<string>(items);
            foreach (var item in items)
            {
                Started[item] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Finish[item] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public Dictionary<string, TaskCompletionSource> Started { get; } = [];

        public Dictionary<string, TaskCompletionSource> Finish { get; } = [];

        public int Claims => Volatile.Read(ref _claims);

        protected override int ClaimSize => 1;

        protected override int MaxItemsInFlight => 2;

        protected override bool ClaimsAfterRelease => true;

        protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(1);

        protected override TimeSpan PollInterval(WorkLane lane) => TimeSpan.FromMilliseconds(20);

        protected override Task<IReadOnlyList<string>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
        {
            if (!_due.TryDequeue(out var item))
            {
                return Task.FromResult<IReadOnlyList<string>>([]);
            }

            Interlocked.Increment(ref _claims);
            return Task.FromResult<IReadOnlyList<string>>([item]);
        }

        protected override async Task ProcessAsync(string item, CancellationToken cancellationToken)
        {
            Started[item].TrySetResult();
            if (_releases)
            {
                ReleaseLane();
            }

            await Finish[item].Task.WaitAsync(cancellationToken);
        }
    }
}
