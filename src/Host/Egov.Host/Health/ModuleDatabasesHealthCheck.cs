using Egov.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Egov.Host.Health;

/// <summary>Ready when every module's database answers (a connection opens and closes).</summary>
internal sealed class ModuleDatabasesHealthCheck(IEnumerable<ModuleDatabase> databases, IServiceScopeFactory scopeFactory)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var unreachable = new List<string>();
        foreach (var database in databases)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                unreachable.Add(database.Schema);
            }
        }

        return unreachable.Count == 0
            ? HealthCheckResult.Healthy("All module databases answer.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"Unreachable: {string.Join(", ", unreachable)}.");
    }
}
