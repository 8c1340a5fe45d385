using Egov.SharedKernel.Outbox;
using Egov.SharedKernel.Work;
using Egov.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Egov.SharedKernel.Tests;

/// <summary>The kernel's wake-up signal: never fails a committed save, fires after commit only (ADR 0020).</summary>
public sealed class WorkSignalTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("egov-signal-").FullName;

    [Fact]
    public async Task Notify_FromManyThreadsWhileTheWorkerWakes_NeverThrows()
    {
        using var signal = new WorkSignal<WorkSignalTests>();
        using var stop = new CancellationTokenSource();
        var worker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await signal.WaitAsync(WorkLane.General, TimeSpan.FromMilliseconds(1), CancellationToken.None);
            }
        }, TestContext.Current.CancellationToken);

        try
        {
            // Each Notify is what one committed save does; none of them may fail its caller.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < 200_000; i++)
                {
                    signal.Notify();
                }
            }, TestContext.Current.CancellationToken)));
        }
        finally
        {
            await stop.CancelAsync();
            await worker;
        }
    }

    [Fact]
    public async Task SaveChanges_TwoConcurrentSavesWhileTheDispatcherWakes_BothSucceed()
    {
        await using var instance = await NewInstanceAsync();
        var signal = DispatcherSignal(instance);
        using var stop = new CancellationTokenSource();
        var dispatcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await signal.WaitAsync(WorkLane.General, TimeSpan.FromMilliseconds(5), CancellationToken.None);
            }
        }, TestContext.Current.CancellationToken);

        try
        {
            for (var round = 0; round < 100; round++)
            {
                await Task.WhenAll(instance.AddThingAsync("a", _time.GetUtcNow()), instance.AddThingAsync("b", _time.GetUtcNow()));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await dispatcher;
        }

        Assert.Equal(200, await instance.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.OutboxMessages)));
    }

    [Fact]
    public async Task SaveChanges_InExplicitTransaction_WakesTheDispatcherAtCommitNotBefore()
    {
        await using var instance = await NewInstanceAsync();
        var signal = DispatcherSignal(instance);
        var (afterSave, afterCommit) = await instance.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Things.Add(new Thing { Id = Guid.NewGuid(), Name = "in a transaction" });
            db.AddIntegrationEvent(new ThingHappened(Guid.NewGuid(), _time.GetUtcNow(), "in a transaction"));
            await db.SaveChangesAsync();
            var woken = await signal.WaitAsync(WorkLane.General, TimeSpan.Zero, CancellationToken.None);
            await transaction.CommitAsync();
            return (woken, await signal.WaitAsync(WorkLane.General, TimeSpan.Zero, CancellationToken.None));
        });

        Assert.False(afterSave, "the dispatcher was woken before the transaction committed: it finds nothing and the event waits for the poll");
        Assert.True(afterCommit, "the commit did not wake the dispatcher");
    }

    [Fact]
    public async Task SaveChanges_InRolledBackTransaction_NeverWakesTheDispatcher()
    {
        await using var instance = await NewInstanceAsync();
        var signal = DispatcherSignal(instance);
        await instance.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddIntegrationEvent(new ThingHappened(Guid.NewGuid(), _time.GetUtcNow(), "undone"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();

            // The context goes on with a save of its own: the rolled-back wake-up must not ride along.
            db.Things.Add(new Thing { Id = Guid.NewGuid(), Name = "later" });
            await db.SaveChangesAsync();
            return 0;
        });

        Assert.False(await signal.WaitAsync(WorkLane.General, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task NotifyAfterCommit_WithChangesNotYetSaved_WakesOnlyAfterTheSave()
    {
        await using var instance = await NewInstanceAsync();
        using var signal = new WorkSignal<WorkSignalTests>();
        var (beforeSave, afterSave) = await instance.WithDbAsync(async db =>
        {
            db.Things.Add(new Thing { Id = Guid.NewGuid(), Name = "work for a worker" });
            signal.NotifyAfterCommit(db);
            var early = await signal.WaitAsync(WorkLane.Priority, TimeSpan.Zero, CancellationToken.None);
            await db.SaveChangesAsync();
            return (early, await signal.WaitAsync(WorkLane.Priority, TimeSpan.Zero, CancellationToken.None));
        });

        Assert.False(beforeSave);
        Assert.True(afterSave);
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private static WorkSignal<OutboxDispatcher<KernelTestDbContext>> DispatcherSignal(OutboxInstance instance) =>
        instance.Services.GetRequiredService<WorkSignal<OutboxDispatcher<KernelTestDbContext>>>();

    private async Task<OutboxInstance> NewInstanceAsync()
    {
        var server = await PostgresServer.GetAsync();
        var instance = new OutboxInstance(await server.CreateDatabaseAsync("signal"), _contentRoot, _time, new EventRecorder());
        await instance.WithDbAsync(db => db.Database.EnsureCreatedAsync());
        return instance;
    }
}
