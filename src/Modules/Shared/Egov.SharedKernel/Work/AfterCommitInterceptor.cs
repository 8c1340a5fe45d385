using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Egov.SharedKernel.Work;

/// <summary>
/// Wakes a worker when a save of <see cref="ContextType"/> adds an <see cref="EntityType"/> row,
/// once that save is committed (the outbox: a new <c>OutboxMessage</c> wakes the module's dispatcher).
/// </summary>
/// <param name="ContextType">The DbContext type whose saves are watched.</param>
/// <param name="EntityType">The entity type whose added rows are new work.</param>
/// <param name="Signal">The signal to notify.</param>
public sealed record WakeOnSave(Type ContextType, Type EntityType, WorkSignal Signal);

/// <summary>
/// Runs actions after commit: after the save's own transaction, or after the commit of the explicit
/// transaction the save ran in; a failed save or a rolled-back transaction drops them. One instance
/// serves every module context (registered by <c>AddEgovDbContext</c>).
/// </summary>
internal sealed class AfterCommitInterceptor(IEnumerable<WakeOnSave> wakes) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly WakeOnSave[] _wakes = [.. wakes];
    private readonly ConditionalWeakTable<DbContext, List<Action>> _pending = [];

    /// <summary>Runs <paramref name="action"/> once what <paramref name="context"/> holds is committed (see <see cref="WorkSignal.NotifyAfterCommit"/>).</summary>
    public void Defer(DbContext context, Action action)
    {
        if (context.Database.CurrentTransaction is null && !context.ChangeTracker.HasChanges())
        {
            action();
            return;
        }

        Add(context, action);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // Inside an explicit transaction the transaction's end decides; alone, nothing was committed.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Run(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var wake in _wakes)
        {
            if (wake.ContextType == context.GetType()
                && context.ChangeTracker.Entries().Any(e => e.State == EntityState.Added && e.Metadata.ClrType == wake.EntityType))
            {
                Add(context, wake.Signal.Notify);
            }
        }
    }

    private void AfterSave(DbContext? context)
    {
        // A save without an explicit transaction is committed when it returns (its own transaction
        // usually ran the actions already at its commit).
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Run(context);
        }
    }

    private void Add(DbContext context, Action action)
    {
        var actions = _pending.GetOrCreateValue(context);
        lock (actions)
        {
            actions.Add(action);
        }
    }

    private void Run(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var actions))
        {
            return;
        }

        _pending.Remove(context);
        Action[] toRun;
        lock (actions)
        {
            toRun = [.. actions];
        }

        foreach (var action in toRun)
        {
            action();
        }
    }
}
