using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Egov.SharedKernel.Work;

/// <summary>
/// Wakes a worker's lanes right after new work was committed, instead of at their next poll. Each
/// lane waits on its own semaphore, so one notification wakes every idle lane (the priority lane
/// never misses a wake-up because the general lane took it), and any number of notifications at
/// once wake a lane once — none of them fails its caller.
/// </summary>
/// <remarks>
/// Polling stays the safety net: work committed by another host instance, or by a context this
/// signal did not see, is found at the lane's next poll. Resolve the typed
/// <see cref="WorkSignal{TWorker}"/> from DI; this base holds the behaviour.
/// </remarks>
public abstract class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _priority = new(0, 1);
    private readonly SemaphoreSlim _general = new(0, 1);

    /// <summary>Wakes every lane now. Call it only after the work is committed; prefer <see cref="NotifyAfterCommit"/>.</summary>
    public void Notify()
    {
        Release(_priority);
        Release(_general);
    }

    /// <summary>
    /// Wakes the lanes once what <paramref name="context"/> holds is committed: at once when it has
    /// no pending changes and no open transaction; else after its next successful save, or at the
    /// commit of the explicit transaction it runs in. A failed save or a rolled-back transaction
    /// wakes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The context was not registered through
    /// <c>AddEgovDbContext</c>/<c>AddModuleDbContext</c>, so no one would see its commit.</exception>
    public void NotifyAfterCommit(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interceptor = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
            .OfType<AfterCommitInterceptor>().FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"{context.GetType().Name} has no after-commit interceptor; register it with AddEgovDbContext or AddModuleDbContext.");
        interceptor.Defer(context, Notify);
    }

    /// <summary>Waits for a notification or <paramref name="timeout"/>; true when notified.</summary>
    public Task<bool> WaitAsync(WorkLane lane, TimeSpan timeout, CancellationToken cancellationToken) =>
        (lane == WorkLane.Priority ? _priority : _general).WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _priority.Dispose();
        _general.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Release(SemaphoreSlim semaphore)
    {
        if (semaphore.CurrentCount > 0)
        {
            return;
        }

        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another notification released it between the check and here: the lane wakes once,
            // which is all it needs, and the caller's committed write must not look failed.
        }
    }
}

/// <summary>The wake-up signal of worker <typeparamref name="TWorker"/> (one singleton per worker type).</summary>
/// <typeparam name="TWorker">The worker it wakes, e.g. <c>OutboxDispatcher&lt;FormsDbContext&gt;</c>.</typeparam>
public sealed class WorkSignal<TWorker> : WorkSignal;
