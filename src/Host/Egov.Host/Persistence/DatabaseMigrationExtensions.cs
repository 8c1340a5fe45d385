using Egov.SharedKernel.Persistence;

namespace Egov.Host.Persistence;

internal static partial class DatabaseMigrationExtensions
{
    /// <summary>Brings every module database up to date, one module after the other.</summary>
    public static async Task MigrateModuleDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Egov.Host.Migrations");
        foreach (var database in services.GetServices<ModuleDatabase>())
        {
            await database.MigrateAsync(services, cancellationToken);
            LogMigrated(logger, database.Schema);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Database of module {Schema} is up to date")]
    private static partial void LogMigrated(ILogger logger, string schema);
}
