using Egov.Modules.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Features.Feed;

/// <summary>
/// Gives committed, unsequenced pull entries their feed positions, in the order they were recorded,
/// after the highest position given so far. Positions are given here and not at insert: an insert
/// that commits late would otherwise hold a lower number than one a reader has already passed, and be
/// skipped for good. Under a transaction-scoped advisory lock (PostgreSQL) only one sequencer runs at
/// a time, and each sees every entry committed before it started — so a reader never skips one.
/// </summary>
internal static class FeedSequencer
{
    // Any constant; names this lock among the application's advisory locks.
    private const long LockKey = 0x4567_6f76_4844_0001;

    public static async Task RunAsync(HandoffDbContext db, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        var table = postgres ? $"\"{db.Schema}\".deliveries" : "deliveries";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        }

        // The table name is a constant of the code; no input reaches this statement.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"""
            WITH base AS (SELECT COALESCE(MAX(position), 0) AS p FROM {table}),
                 todo AS (SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS n FROM {table} WHERE kind = 'Pull' AND position IS NULL)
            UPDATE {table} SET position = (SELECT p FROM base) + todo.n FROM todo WHERE {table}.id = todo.id
            """, cancellationToken);
#pragma warning restore EF1002
        await transaction.CommitAsync(cancellationToken);
    }
}
