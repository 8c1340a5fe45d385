using Microsoft.Data.Sqlite;
using Npgsql;

namespace Egov.Host.ErrorHandling;

/// <summary>Tells a database that is away for a while from a defect of the request or of the code.</summary>
internal static class DatabaseFailures
{
    /// <summary>
    /// True when <paramref name="exception"/> or one of its inner exceptions says the database
    /// cannot be reached now and a later retry may succeed: Npgsql's transient errors (connection
    /// refused or broken, timeouts, too many connections, <c>57P03</c> "the database system is
    /// starting up"), <c>57P01</c>/<c>57P02</c> (the server shut down, by an administrator or after a
    /// crash: PostgreSQL error codes, appendix A), socket errors, and SQLite's <c>SQLITE_BUSY</c> /
    /// <c>SQLITE_LOCKED</c> ("database is locked"). EF Core wraps these in
    /// <c>DbUpdateException</c> or <c>InvalidOperationException</c>, hence the walk down the chain.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown }:
                case NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
            }
        }

        return false;
    }
}
