using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Egov.SharedKernel.Outbox;

/// <summary>
/// Wakes a module's dispatcher right after a save that wrote outbox messages, so events leave
/// within milliseconds instead of waiting for the next poll. Polling still catches rows that were
/// committed by another host instance or inside a transaction committed later.
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConditionalWeakTable<Type, SemaphoreSlim> _signals = [];

    /// <summary>Signals the dispatcher of <paramref name="contextType"/>.</summary>
    public void Notify(Type contextType)
    {
        var semaphore = Get(contextType);
        if (semaphore.CurrentCount == 0)
        {
            semaphore.Release();
        }
    }

    /// <summary>Waits until <see cref="Notify"/> is called for <paramref name="contextType"/> or the timeout passes.</summary>
    public Task<bool> WaitAsync(Type contextType, TimeSpan timeout, CancellationToken cancellationToken) =>
        Get(contextType).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Get(Type contextType) => _signals.GetValue(contextType, _ => new SemaphoreSlim(0, 1));
}

/// <summary>EF Core interceptor that calls <see cref="OutboxSignal.Notify"/> after a save that added outbox messages.</summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return result;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null &&
            context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private void Signal(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            signal.Notify(context.GetType());
        }
    }
}
