using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.SharedKernel.Persistence;

/// <summary>
/// A module database known to the host: used to apply migrations at startup or with
/// <c>Egov.Host migrate</c>, and by the readiness health check.
/// </summary>
/// <param name="ContextType">The module's DbContext type.</param>
/// <param name="Schema">Its schema name.</param>
public sealed record ModuleDatabase(Type ContextType, string Schema)
{
    /// <summary>
    /// Brings the database up to date: applies pending migrations on PostgreSQL (EF Core takes a
    /// lock, so several instances starting at once are safe); creates the SQLite file if missing,
    /// then lets the module bring older data into it (<see cref="ModuleDbContext.UpgradeZeroSetupDatabaseAsync"/>).
    /// </summary>
    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(ContextType);
        if (db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
            if (db is ModuleDbContext module)
            {
                await module.UpgradeZeroSetupDatabaseAsync(cancellationToken);
            }
        }
    }
}
