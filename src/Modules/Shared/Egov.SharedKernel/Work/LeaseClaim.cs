using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Egov.SharedKernel.Work;

/// <summary>A row a <see cref="LeasedWorker{TItem}"/> claims with a lease (columns <c>id</c>, <c>locked_until</c>, <c>lock_owner</c>).</summary>
public interface ILeasedRow
{
    /// <summary>The row's key.</summary>
    Guid Id { get; }

    /// <summary>While set and in the future, a worker holds a lease on the row (UTC).</summary>
    DateTimeOffset? LockedUntil { get; }

    /// <summary>The worker holding the lease (<see cref="Lease.Owner"/>).</summary>
    string? LockOwner { get; }
}

/// <summary>A claim's lease: who holds it, when it was taken and until when it holds (UTC).</summary>
/// <param name="Owner">The claiming worker, unique per host instance and worker.</param>
/// <param name="Now">When the claim is made.</param>
/// <param name="Until">When the lease runs out unless renewed; after that another worker may claim the row.</param>
public sealed record Lease(string Owner, DateTimeOffset Now, DateTimeOffset Until);

/// <summary>
/// What makes a row of one table due, in SQL for PostgreSQL and in LINQ for SQLite (the same rule
/// twice: <c>FOR UPDATE SKIP LOCKED</c> has no LINQ form). The lease condition is added by
/// <see cref="LeaseClaim"/>; do not repeat it here.
/// </summary>
/// <typeparam name="TRow">The leased entity.</typeparam>
/// <param name="Table">Table name without schema, e.g. <c>outbox_messages</c>; a constant of the code, never input.</param>
/// <param name="DueSql">PostgreSQL condition of a due row; <c>@now</c> is the claim's instant. A constant of the code.</param>
/// <param name="OrderSql">PostgreSQL order of claiming, e.g. <c>occurred_at, id</c>.</param>
/// <param name="Due">The same condition in LINQ, given the claim's instant.</param>
/// <param name="Order">The same order in LINQ.</param>
public sealed record LeaseQuery<TRow>(
    string Table,
    string DueSql,
    string OrderSql,
    Func<IQueryable<TRow>, DateTimeOffset, IQueryable<TRow>> Due,
    Func<IQueryable<TRow>, IOrderedQueryable<TRow>> Order)
    where TRow : class, ILeasedRow;

/// <summary>
/// Claims due rows with a lease, safely from any number of workers and host instances at once:
/// PostgreSQL in one <c>UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING *</c>
/// (rows another worker is claiming are skipped, not waited for); SQLite (one instance by design)
/// by a conditional update per candidate. A row is free when it has no lease or its lease ran out —
/// so a worker that died releases its rows when their leases end.
/// </summary>
public static class LeaseClaim
{
    /// <summary>Claims up to <paramref name="limit"/> due rows of <paramref name="query"/> in <paramref name="schema"/> under <paramref name="lease"/>; returns them in claiming order, untracked.</summary>
    public static async Task<List<TRow>> ClaimAsync<TRow>(
        DbContext db, string schema, LeaseQuery<TRow> query, int limit, Lease lease, CancellationToken cancellationToken)
        where TRow : class, ILeasedRow
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(lease);
        var set = db.Set<TRow>();
        if (db.Database.IsNpgsql())
        {
            // Schema, table, condition and order are constants of the module's code; values go in as parameters.
            var table = $"\"{schema}\".{query.Table}";
            // RETURNING gives the rows in no particular order: the outer SELECT puts them in claiming
            // order in the database (sorting them here through an EnumerableQuery compiled an expression
            // tree per claim, and the finalizer thread then spent seconds destroying the dynamic methods).
            var sql = $"""
                WITH claimed AS (
                    UPDATE {table} SET locked_until = @until, lock_owner = @owner
                    WHERE id IN (
                        SELECT id FROM {table}
                        WHERE ({query.DueSql}) AND (locked_until IS NULL OR locked_until < @now)
                        ORDER BY {query.OrderSql}
                        LIMIT @limit
                        FOR UPDATE SKIP LOCKED)
                    RETURNING *)
                SELECT * FROM claimed ORDER BY {query.OrderSql}
                """;
            return await set.FromSqlRaw(sql,
                    new NpgsqlParameter("until", lease.Until),
                    new NpgsqlParameter("owner", lease.Owner),
                    new NpgsqlParameter("now", lease.Now),
                    new NpgsqlParameter("limit", limit))
                .AsNoTracking()
                .ToListAsync(cancellationToken);
        }

        var now = lease.Now;
        var candidates = await query.Order(Free(query.Due(set, now), now)).Take(limit).AsNoTracking().ToListAsync(cancellationToken);
        var result = new List<TRow>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var id = candidate.Id;
            var rows = await Free(query.Due(set, now), now)
                .Where(r => EF.Property<Guid>(r, nameof(ILeasedRow.Id)) == id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => EF.Property<DateTimeOffset?>(r, nameof(ILeasedRow.LockedUntil)), lease.Until)
                    .SetProperty(r => EF.Property<string?>(r, nameof(ILeasedRow.LockOwner)), lease.Owner), cancellationToken);
            if (rows == 1)
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    /// <summary>Extends the lease of <paramref name="ids"/> held by <paramref name="owner"/> to <paramref name="until"/>; returns how many rows it still held.</summary>
    public static Task<int> RenewAsync<TRow>(DbContext db, IReadOnlyCollection<Guid> ids, string owner, DateTimeOffset until, CancellationToken cancellationToken)
        where TRow : class, ILeasedRow
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<TRow>()
            .Where(r => ids.Contains(EF.Property<Guid>(r, nameof(ILeasedRow.Id))) && EF.Property<string?>(r, nameof(ILeasedRow.LockOwner)) == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<DateTimeOffset?>(r, nameof(ILeasedRow.LockedUntil)), until), cancellationToken);
    }

    private static IQueryable<TRow> Free<TRow>(IQueryable<TRow> rows, DateTimeOffset now)
        where TRow : class, ILeasedRow =>
        rows.Where(r => EF.Property<DateTimeOffset?>(r, nameof(ILeasedRow.LockedUntil)) == null
            || EF.Property<DateTimeOffset?>(r, nameof(ILeasedRow.LockedUntil)) < now);
}
