using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Egov.SharedKernel.Reads;

/// <summary>An entity type whose rows make up a read region's public data (registered by its module).</summary>
/// <param name="EntityType">The entity's CLR type.</param>
/// <param name="Region">The region, e.g. <c>announcements</c>.</param>
public sealed record PublicReadSource(Type EntityType, string Region);

/// <summary>
/// Sees every save of a module DbContext: when it adds, changes or deletes an entity of a
/// <see cref="PublicReadSource"/>, the region is invalidated once the change is committed — after
/// the save's own transaction, or after the commit of the explicit transaction it ran in; a rolled
/// back change invalidates nothing. Bulk updates (<c>ExecuteUpdate</c>) bypass this and must call
/// <see cref="PublicReadChannel.PublishAsync"/> themselves.
/// </summary>
internal sealed class PublicReadChangeInterceptor(IEnumerable<PublicReadSource> sources, PublicReadChannel channel)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly Dictionary<Type, string> _regions = sources.ToDictionary(s => s.EntityType, s => s.Region);
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

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
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Flush(eventData.Context).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await Flush(eventData.Context);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Discard(eventData.Context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Flush(eventData.Context).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Flush(eventData.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null || _regions.Count == 0)
        {
            return;
        }

        HashSet<string>? regions = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && _regions.TryGetValue(entry.Metadata.ClrType, out var region))
            {
                (regions ??= _pending.GetOrCreateValue(context)).Add(region);
            }
        }
    }

    private Task Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var regions))
        {
            return Task.CompletedTask;
        }

        _pending.Remove(context);
        return regions.Count == 0 ? Task.CompletedTask : channel.PublishAsync(regions, CancellationToken.None);
    }

    private void Discard(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
