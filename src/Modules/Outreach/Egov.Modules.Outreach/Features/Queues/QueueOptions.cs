namespace Egov.Modules.Outreach.Features.Queues;

/// <summary>
/// When the outreach queues count as behind, configuration section <c>Egov:Outreach:Queues</c>
/// (environment variables <c>Egov__Outreach__Queues__…</c>).
/// </summary>
internal sealed class QueueOptions
{
    public const string Section = "Egov:Outreach:Queues";

    /// <summary>
    /// Oldest an alert push job or a due crisis delivery may wait before <c>/health/ready</c> reports
    /// Degraded (default 10 s): an alert is due within seconds, so a longer wait means the lane is stuck.
    /// </summary>
    public TimeSpan AlertMaxAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Oldest a routine push job or a due routine delivery may wait before Degraded (default 15 min).</summary>
    public TimeSpan RoutineMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the queue gauges are read from the database (default 10 s).</summary>
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(10);
}
