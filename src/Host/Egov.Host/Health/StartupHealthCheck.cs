using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Egov.Host.Health;

/// <summary>
/// Not ready until every hosted service has started: the module seeders (forms, guidelines, development
/// clients, demo content) start side by side with the web server (<see cref="HostOptions.ServicesStartConcurrently"/>),
/// so the server may already answer <c>/health/live</c> while a seeder still writes. A load balancer or
/// orchestrator sends traffic only once <c>/health/ready</c> answers 200, which is after
/// <see cref="IHostApplicationLifetime.ApplicationStarted"/>.
/// </summary>
internal sealed class StartupHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy("Started.")
            : new HealthCheckResult(context.Registration.FailureStatus, "Starting: hosted services have not all started yet."));
}
