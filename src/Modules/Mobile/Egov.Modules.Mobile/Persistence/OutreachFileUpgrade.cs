using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Persistence;

/// <summary>
/// The zero-setup (SQLite) counterpart of the Initial migration's move (ADR 0019): before the Mobile
/// module, devices, push jobs and pushed alerts lived in <c>egov-outreach.db</c>. Their rows are
/// copied into <c>egov-mobile.db</c> (the file is attached), together with the push handlers'
/// inbox marks, and the old tables are dropped. Idempotent: a start interrupted between the copy and
/// the drop copies nothing twice (rows are keyed) and drops next time.
/// </summary>
internal static class OutreachFileUpgrade
{
    /// <summary>The SQLite file of the Outreach module, next to this module's (<c>egov-{schema}.db</c>).</summary>
    public const string OutreachFileName = "egov-outreach.db";

    private static readonly string[] MovedTables = ["devices", "push_jobs", "pushed_alerts"];

    /// <summary>The push handlers whose inbox marks moved with them (their class names).</summary>
    private static readonly string[] PushHandlers =
    [
        "AlertIssuedPushHandler", "AlertUpdatedPushHandler", "AlertCancelledPushHandler",
        "AnnouncementPublishedPushHandler", "ApplicationStatusChangedPushHandler",
    ];

    public static async Task RunAsync(MobileDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var directory = Path.GetDirectoryName(connection.DataSource);
        var outreachFile = directory is null ? null : Path.Combine(directory, OutreachFileName);
        if (outreachFile is null || !File.Exists(outreachFile))
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, "ATTACH DATABASE @file AS outreach", cancellationToken, ("@file", outreachFile));
            try
            {
                var present = await TablesAsync(connection, cancellationToken);
                if (!MovedTables.Any(present.Contains))
                {
                    return;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var table in MovedTables.Where(present.Contains))
                {
                    // Only the columns both layouts have, by name: the files were made by EnsureCreated
                    // from two models, so the column order need not match.
                    var columns = string.Join(", ", (await ColumnsAsync(connection, transaction, "main", table, cancellationToken))
                        .Intersect(await ColumnsAsync(connection, transaction, "outreach", table, cancellationToken), StringComparer.Ordinal)
                        .Select(c => $"\"{c}\""));
                    await ExecuteAsync(connection, transaction, $"INSERT OR IGNORE INTO main.\"{table}\" ({columns}) SELECT {columns} FROM outreach.\"{table}\"", cancellationToken);
                }

                if (present.Contains("inbox_messages"))
                {
                    await ExecuteAsync(connection, transaction,
                        "INSERT OR IGNORE INTO main.inbox_messages (event_id, handler, processed_at) " +
                        $"SELECT event_id, handler, processed_at FROM outreach.inbox_messages WHERE handler IN ({string.Join(", ", PushHandlers.Select(h => $"'{h}'"))})",
                        cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);

                // After the commit: should the drop fail, the next start copies nothing twice and drops again.
                foreach (var table in MovedTables.Where(present.Contains))
                {
                    await ExecuteAsync(connection, null, $"DROP TABLE outreach.\"{table}\"", cancellationToken);
                }
            }
            finally
            {
                await ExecuteAsync(connection, null, "DETACH DATABASE outreach", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<HashSet<string>> TablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM outreach.sqlite_master WHERE type = 'table'";
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, DbTransaction transaction, string database, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}', '{database}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
