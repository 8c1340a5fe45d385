using System.Collections.Concurrent;
using Egov.SharedKernel.Outbox;
using Egov.SharedKernel.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Egov.SharedKernel.Tests;

/// <summary>A thing some module stores, published as <see cref="ThingHappened"/>.</summary>
public sealed class Thing
{
    public Guid Id { get; set; }

    public required string Name { get; set; }
}

public sealed record ThingHappened(Guid EventId, DateTimeOffset OccurredAt, string Name) : IIntegrationEvent;

public sealed class KernelTestDbContext(DbContextOptions<KernelTestDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => "kernel_tests";

    public DbSet<Thing> Things => Set<Thing>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Thing>().ToTable("things");
    }
}

/// <summary>
/// What the subscribers of an instance saw: counts each delivered event and can be told to fail an
/// event a number of times first (through <see cref="RecordingHandler"/>).
/// </summary>
public sealed class EventRecorder
{
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public ConcurrentDictionary<Guid, int> FailuresToThrow { get; } = new();

    public async ValueTask RecordAsync(IIntegrationEvent integrationEvent)
    {
        await Task.Yield();
        if (FailuresToThrow.TryGetValue(integrationEvent.EventId, out var left) && left > 0)
        {
            FailuresToThrow[integrationEvent.EventId] = left - 1;
            throw new InvalidOperationException($"Handler failed for {integrationEvent.EventId}");
        }

        Deliveries.AddOrUpdate(integrationEvent.EventId, 1, (_, count) => count + 1);
    }
}

/// <summary>The subscriber of <see cref="ThingHappened"/> every test instance has: records into its <see cref="EventRecorder"/>.</summary>
public sealed class RecordingHandler(EventRecorder recorder) : INotificationHandler<ThingHappened>
{
    public ValueTask Handle(ThingHappened notification, CancellationToken cancellationToken) => recorder.RecordAsync(notification);
}

/// <summary>One "host instance": its own service provider, dispatcher, publisher and clock, on a shared database.</summary>
public sealed class OutboxInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public OutboxInstance(
        string? connectionString, string contentRoot, FakeTimeProvider time, EventRecorder recorder, int maxAttempts = 10,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Egov"] = connectionString,
            ["Outbox:BatchSize"] = "7",
            ["Outbox:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbox:InitialRetryDelay"] = "00:00:10",
            ["Outbox:MaxRetryDelay"] = "00:01:00",
            ["Outbox:LeaseDuration"] = "00:00:30",
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(contentRoot));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(recorder);
        services.AddScoped<INotificationHandler<ThingHappened>, RecordingHandler>();
        services.AddModuleDbContext<KernelTestDbContext>(configuration, "kernel_tests");
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(validateScopes: true);
        Dispatcher = _services.GetServices<IHostedService>().OfType<OutboxDispatcher<KernelTestDbContext>>().Single();
    }

    public OutboxDispatcher<KernelTestDbContext> Dispatcher { get; }

    public IServiceProvider Services => _services;

    public async Task<T> WithDbAsync<T>(Func<KernelTestDbContext, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<KernelTestDbContext>());
    }

    public async Task<Guid> AddThingAsync(string name, DateTimeOffset at)
    {
        return await WithDbAsync(async db =>
        {
            var integrationEvent = new ThingHappened(Guid.NewGuid(), at, name);
            db.Things.Add(new Thing { Id = Guid.NewGuid(), Name = name });
            db.AddIntegrationEvent(integrationEvent);
            await db.SaveChangesAsync();
            return integrationEvent.EventId;
        });
    }

    /// <summary>Runs dispatch rounds until one claims nothing; returns the number of rounds.</summary>
    public async Task<int> DrainAsync()
    {
        var rounds = 0;
        while (await Dispatcher.DispatchBatchAsync(CancellationToken.None) > 0)
        {
            rounds++;
        }

        return rounds;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Egov.SharedKernel.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

/// <summary>
/// A subscriber that stores what it did with the event: for <c>fail</c> it tracks a row and then
/// throws before its save, as a handler with a defect after its first change would.
/// </summary>
public sealed class ThingStoringHandler(KernelTestDbContext db) : INotificationHandler<ThingHappened>
{
    public async ValueTask Handle(ThingHappened notification, CancellationToken cancellationToken)
    {
        db.Things.Add(new Thing { Id = Guid.NewGuid(), Name = $"handled {notification.Name}" });
        if (notification.Name == "fail")
        {
            throw new InvalidOperationException("The handler failed after its first change.");
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Subscriber A of <see cref="ThingHappened"/>: tracks a row, then fails before its save.</summary>
public sealed class FailingThingHandler(KernelTestDbContext db) : INotificationHandler<ThingHappened>
{
    public ValueTask Handle(ThingHappened notification, CancellationToken cancellationToken)
    {
        db.Things.Add(new Thing { Id = Guid.NewGuid(), Name = $"half-done {notification.Name}" });
        throw new InvalidOperationException("Subscriber A failed after its first change.");
    }
}

/// <summary>Subscriber B of <see cref="ThingHappened"/>: stores one row and saves.</summary>
public sealed class StoringThingHandler(KernelTestDbContext db) : INotificationHandler<ThingHappened>
{
    public async ValueTask Handle(ThingHappened notification, CancellationToken cancellationToken)
    {
        db.Things.Add(new Thing { Id = Guid.NewGuid(), Name = $"stored {notification.Name}" });
        await db.SaveChangesAsync(cancellationToken);
    }
}
