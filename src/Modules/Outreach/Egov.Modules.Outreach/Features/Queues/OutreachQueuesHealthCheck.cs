using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Queues;

/// <summary>
/// Part of <c>/health/ready</c> (tag <c>ready</c>): Degraded when the oldest alert push job or due
/// crisis delivery has waited longer than <see cref="QueueOptions.AlertMaxAge"/> (10 s), or a
/// routine one longer than <see cref="QueueOptions.RoutineMaxAge"/> (15 min). Degraded, not
/// Unhealthy: the instance still serves requests, but an operator must look at the fan-out.
/// </summary>
internal sealed class OutreachQueuesHealthCheck(OutreachQueues queues, IOptions<QueueOptions> options, TimeProvider time) : IHealthCheck
{
    public const string Name = "outreach-queues";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await queues.ReadAsync(cancellationToken);
        var now = time.GetUtcNow();
        var data = snapshot.Lanes.ToDictionary(
            l => $"{l.Queue}.{l.Priority}",
            l => (object)string.Create(CultureInfo.InvariantCulture, $"{l.Depth} waiting, oldest {l.OldestAge(now).TotalSeconds:0} s"));
        var late = snapshot.Lanes
            .Where(l => l.OldestAge(now) > (l.Priority == "alert" ? options.Value.AlertMaxAge : options.Value.RoutineMaxAge))
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Queue} {l.Priority}: oldest waits {l.OldestAge(now).TotalSeconds:0} s"))
            .ToList();
        return late.Count == 0
            ? HealthCheckResult.Healthy("Outreach queues keep up.", data)
            : HealthCheckResult.Degraded($"Outreach queues behind: {string.Join("; ", late)}.", data: data);
    }
}
