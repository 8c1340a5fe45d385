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
/// Stands where the mediator stands for the dispatcher: counts each delivered event and can be told
/// to fail an event a number of times first.
/// </summary>
public sealed class RecordingPublisher : IPublisher
{
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public ConcurrentDictionary<Guid, int> FailuresToThrow { get; } = new();

    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification => Publish((object)notification, cancellationToken);

    public async ValueTask Publish(object notification, CancellationToken cancellationToken = default)
    {
        var integrationEvent = (IIntegrationEvent)notification;
        await Task.Yield();
        if (FailuresToThrow.TryGetValue(integrationEvent.EventId, out var left) && left > 0)
        {
            FailuresToThrow[integrationEvent.EventId] = left - 1;
            throw new InvalidOperationException($"Handler failed for {integrationEvent.EventId}");
        }

        Deliveries.AddOrUpdate(integrationEvent.EventId, 1, (_, count) => count + 1);
    }
}

/// <summary>One "host instance": its own service provider, dispatcher, publisher and clock, on a shared database.</summary>
public sealed class OutboxInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public OutboxInstance(string? connectionString, string contentRoot, FakeTimeProvider time, RecordingPublisher publisher, int maxAttempts = 10)
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
        services.AddSingleton<IPublisher>(publisher);
        services.AddModuleDbContext<KernelTestDbContext>(configuration, "kernel_tests");
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
