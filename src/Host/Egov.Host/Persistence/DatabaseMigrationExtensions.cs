using Egov.SharedKernel.Persistence;

namespace Egov.Host.Persistence;

internal static partial class DatabaseMigrationExtensions
{
    /// <summary>
    /// Brings every module database up to date: on PostgreSQL one module after the other (as an
    /// operator reads the log); on the zero-setup SQLite default, where each module has a file of
    /// its own, all at once, so that a first start is ready sooner.
    /// </summary>
    public static async Task MigrateModuleDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Egov.Host.Migrations");
        var databases = services.GetServices<ModuleDatabase>().ToList();
        if (string.IsNullOrWhiteSpace(services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName)))
        {
            // On the thread pool: a module's first steps (building its EF model) are CPU work that
            // runs before its first await, so without it the modules would still go one after the other.
            await Task.WhenAll(databases.Select(database => Task.Run(
                async () =>
                {
                    await database.MigrateAsync(services, cancellationToken);
                    LogMigrated(logger, database.Schema);
                },
                cancellationToken)));
            return;
        }

        foreach (var database in databases)
        {
            await database.MigrateAsync(services, cancellationToken);
            LogMigrated(logger, database.Schema);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Database of module {Schema} is up to date")]
    private static partial void LogMigrated(ILogger logger, string schema);
}
