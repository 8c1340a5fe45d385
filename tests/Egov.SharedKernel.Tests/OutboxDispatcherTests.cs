using Egov.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Egov.SharedKernel.Tests;

/// <summary>The outbox dispatcher on real PostgreSQL (a database per test) and on the SQLite default.</summary>
public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("egov-outbox-").FullName;

    [Fact]
    public async Task DispatchBatch_WithTwoInstancesRacing_DeliversEachMessageExactlyOnce()
    {
        var connectionString = await NewDatabaseAsync();
        var recorderA = new EventRecorder();
        var recorderB = new EventRecorder();
        await using var instanceA = new OutboxInstance(connectionString, _contentRoot, _time, recorderA);
        await using var instanceB = new OutboxInstance(connectionString, _contentRoot, _time, recorderB);
        var eventIds = new List<Guid>();
        for (var i = 0; i < 300; i++)
        {
            eventIds.Add(await instanceA.AddThingAsync($"thing {i}", _time.GetUtcNow()));
        }

        await Task.WhenAll(
            Task.Run(instanceA.DrainAsync, TestContext.Current.CancellationToken),
            Task.Run(instanceB.DrainAsync, TestContext.Current.CancellationToken),
            Task.Run(instanceA.DrainAsync, TestContext.Current.CancellationToken),
            Task.Run(instanceB.DrainAsync, TestContext.Current.CancellationToken));

        foreach (var eventId in eventIds)
        {
            var deliveries = recorderA.Deliveries.GetValueOrDefault(eventId) + recorderB.Deliveries.GetValueOrDefault(eventId);
            Assert.True(deliveries == 1, $"event {eventId} was delivered {deliveries} times");
        }

        var pending = await instanceA.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ProcessedAt == null));
        Assert.Equal(0, pending);
    }

    [Fact]
    public async Task DispatchBatch_WhenHandlerThrows_RetriesWithBackoffUntilDelivered()
    {
        var recorder = new EventRecorder();
        await using var instance = new OutboxInstance(await NewDatabaseAsync(), _contentRoot, _time, recorder);
        var eventId = await instance.AddThingAsync("flaky", _time.GetUtcNow());
        recorder.FailuresToThrow[eventId] = 2;

        await instance.DrainAsync();
        var afterFirst = await instance.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Null(afterFirst.ProcessedAt);
        Assert.Null(afterFirst.LockedUntil);
        Assert.Contains("Handler failed", afterFirst.LastError, StringComparison.Ordinal);
        Assert.InRange(afterFirst.NextAttemptAt - _time.GetUtcNow(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));

        // Not due yet: nothing is claimed before the backoff has passed.
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await instance.Dispatcher.DispatchBatchAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(3));
        await instance.DrainAsync();
        var afterSecond = await instance.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal(2, afterSecond.Attempts);
        Assert.InRange(afterSecond.NextAttemptAt - _time.GetUtcNow(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(22));

        _time.Advance(TimeSpan.FromSeconds(23));
        await instance.DrainAsync();
        var delivered = await instance.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.NotNull(delivered.ProcessedAt);
        Assert.Equal(1, recorder.Deliveries[eventId]);
    }

    [Fact]
    public async Task DispatchBatch_AfterMaxAttempts_ParksTheMessage()
    {
        var recorder = new EventRecorder();
        await using var instance = new OutboxInstance(await NewDatabaseAsync(), _contentRoot, _time, recorder, maxAttempts: 3);
        var eventId = await instance.AddThingAsync("poison", _time.GetUtcNow());
        recorder.FailuresToThrow[eventId] = int.MaxValue;

        for (var i = 0; i < 6; i++)
        {
            await instance.DrainAsync();
            _time.Advance(TimeSpan.FromMinutes(2));
        }

        var parked = await instance.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal(3, parked.Attempts);
        Assert.NotNull(parked.FailedAt);
        Assert.Null(parked.ProcessedAt);
        Assert.False(recorder.Deliveries.ContainsKey(eventId));
    }

    [Fact]
    public async Task DispatchBatch_WhileAnotherInstanceHoldsTheLease_WaitsForTheLeaseToExpire()
    {
        var recorder = new EventRecorder();
        await using var instance = new OutboxInstance(await NewDatabaseAsync(), _contentRoot, _time, recorder);
        var eventId = await instance.AddThingAsync("claimed by a crashed instance", _time.GetUtcNow());
        var leaseEnd = _time.GetUtcNow().AddSeconds(30);
        await instance.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LockedUntil, leaseEnd)
            .SetProperty(m => m.LockOwner, "crashed-instance")));

        Assert.Equal(0, await instance.Dispatcher.DispatchBatchAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await instance.Dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.Equal(1, recorder.Deliveries[eventId]);
    }

    [Fact]
    public async Task SaveChanges_InRolledBackTransaction_PublishesNothing()
    {
        var recorder = new EventRecorder();
        await using var instance = new OutboxInstance(await NewDatabaseAsync(), _contentRoot, _time, recorder);
        await instance.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Things.Add(new Thing { Id = Guid.NewGuid(), Name = "undone" });
            db.AddIntegrationEvent(new ThingHappened(Guid.NewGuid(), _time.GetUtcNow(), "undone"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });

        Assert.Equal(0, await instance.DrainAsync());
        Assert.Empty(recorder.Deliveries);
        Assert.Equal(0, await instance.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task DispatchBatch_OnSqlite_DeliversEachOnceAndRetriesFailures()
    {
        var recorder = new EventRecorder();
        await using var instance = new OutboxInstance(null, _contentRoot, _time, recorder);
        await instance.WithDbAsync(db => db.Database.EnsureCreatedAsync());
        var eventIds = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            eventIds.Add(await instance.AddThingAsync($"thing {i}", _time.GetUtcNow().AddMilliseconds(i)));
        }

        recorder.FailuresToThrow[eventIds[5]] = 1;
        _time.Advance(TimeSpan.FromSeconds(1));

        await instance.DrainAsync();
        Assert.Equal(19, recorder.Deliveries.Count);
        _time.Advance(TimeSpan.FromSeconds(12));
        await instance.DrainAsync();

        Assert.All(eventIds, id => Assert.Equal(1, recorder.Deliveries.GetValueOrDefault(id)));
    }

    [Fact]
    public async Task DispatchBatch_WhenAHandlerFailsAfterTrackingChanges_TheNextMessageDoesNotStoreThem()
    {
        var connectionString = await NewDatabaseAsync();
        await using var instance = new OutboxInstance(connectionString, _contentRoot, _time, new EventRecorder(),
            configure: services => services.AddScoped<INotificationHandler<ThingHappened>, ThingStoringHandler>());
        await instance.AddThingAsync("fail", _time.GetUtcNow().AddMilliseconds(-2));
        await instance.AddThingAsync("ok", _time.GetUtcNow().AddMilliseconds(-1));

        await instance.Dispatcher.DispatchBatchAsync(CancellationToken.None);

        var handled = await instance.WithDbAsync(db => db.Things.Where(t => t.Name.StartsWith("handled")).Select(t => t.Name).ToListAsync());
        Assert.Equal(["handled ok"], handled);
        var failed = await instance.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ProcessedAt == null));
        Assert.Equal(1, failed.Attempts);
    }

    [Fact]
    public async Task DispatchBatch_WhenOneSubscriberFailsAfterTrackingChanges_AnotherSubscribersSaveDoesNotStoreThem()
    {
        var connectionString = await NewDatabaseAsync();
        await using var instance = new OutboxInstance(connectionString, _contentRoot, _time, new EventRecorder(), configure: services =>
        {
            services.AddScoped<INotificationHandler<ThingHappened>, FailingThingHandler>();
            services.AddScoped<INotificationHandler<ThingHappened>, StoringThingHandler>();
        });
        await instance.AddThingAsync("event", _time.GetUtcNow().AddMilliseconds(-1));

        await instance.Dispatcher.DispatchBatchAsync(CancellationToken.None);

        var stored = await instance.WithDbAsync(db => db.Things.Where(t => t.Name != "event").Select(t => t.Name).ToListAsync());
        Assert.Equal(["stored event"], stored);
        var message = await instance.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(message.ProcessedAt);
        Assert.Equal(1, message.Attempts);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private async Task<string> NewDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("outbox");
        await using var setup = new OutboxInstance(connectionString, _contentRoot, _time, new EventRecorder());
        await setup.WithDbAsync(db => db.Database.EnsureCreatedAsync());
        return connectionString;
    }
}
