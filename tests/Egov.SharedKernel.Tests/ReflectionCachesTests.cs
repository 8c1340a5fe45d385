using System.Reflection;
using System.Runtime.CompilerServices;
using Egov.SharedKernel.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Egov.SharedKernel.Tests;

/// <summary>
/// A type's reflection data survives a full garbage collection only when kept: otherwise EF Core's
/// reads of a captured property emit and JIT-compile a new invoke stub after every collection.
/// </summary>
public sealed class ReflectionCachesTests
{
    [Fact]
    public void KeepAlive_Type_ItsMembersSurviveAFullCollection()
    {
        ReflectionCaches.KeepAlive(typeof(Kept));
        var member = WeakOwnerProperty(typeof(Kept));

        CollectFully();

        Assert.True(member.IsAlive);
        Assert.Same(member.Target, typeof(Kept).GetProperty(nameof(Kept.Owner)));
    }

    [Fact]
    public void NotKept_Type_ItsMembersAreCollected()
    {
        // What KeepAlive is for: the runtime holds a type's reflection cache only weakly.
        var member = WeakOwnerProperty(typeof(NotKept));

        CollectFully();

        Assert.False(member.IsAlive);
    }

    [Fact]
    public void LeasedWorker_Constructed_KeepsTheTypeWhoseOwnerItsQueriesRead()
    {
        using var signal = new WorkSignal<ReflectionCachesTests>();
        using var worker = new IdleWorker(signal);

        Assert.True(ReflectionCaches.IsKept(typeof(LeasedWorker<Guid>)));
        var owner = WeakOwnerProperty(typeof(LeasedWorker<Guid>));
        CollectFully();
        Assert.True(owner.IsAlive);
    }

    [Fact]
    public void AddEgovDbContext_KeepsTheContextTypeWhoseSetsQueriesRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = Path.GetTempPath(),
        }).Build();

        new ServiceCollection().AddEgovDbContext<KeptContext>(configuration, "kept");

        Assert.True(ReflectionCaches.IsKept(typeof(KeptContext)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakOwnerProperty(Type type) =>
        new(type.GetProperty("Owner", BindingFlags.Instance | BindingFlags.Public) ?? throw new InvalidOperationException($"{type} has no Owner."));

    private static void CollectFully()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
    }

    private sealed class KeptContext(DbContextOptions<KeptContext> options) : DbContext(options);

    private sealed class Kept
    {
        public string Owner { get; } = "kept";
    }

    private sealed class NotKept
    {
        public string Owner { get; } = "not kept";
    }

    private sealed class IdleWorker(WorkSignal signal) : LeasedWorker<Guid>(signal, TimeProvider.System, NullLogger.Instance)
    {
        protected override int ClaimSize => 1;

        protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(1);

        protected override TimeSpan PollInterval(WorkLane lane) => TimeSpan.FromMinutes(1);

        protected override Task<IReadOnlyList<Guid>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Guid>>([]);

        protected override Task ProcessAsync(Guid item, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
