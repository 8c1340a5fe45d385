using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>
/// OpenTelemetry metrics of the delivery engine (meter <c>Egov.Outreach.Delivery</c>), tagged with
/// <c>channel.kind</c> and <c>channel.name</c>: <c>egov.outreach.deliveries.sent</c>,
/// <c>…failed</c>, <c>…uncertain</c>, <c>…retries</c> (counters) and
/// <c>egov.outreach.delivery.duration</c> (histogram, seconds per attempt) and
/// <c>egov.outreach.delivery.latency</c> (histogram, seconds from due to sent).
/// </summary>
internal sealed class DeliveryMetrics
{
    public const string MeterName = "Egov.Outreach.Delivery";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _uncertain;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _latency;

    public DeliveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("egov.outreach.deliveries.sent", "{delivery}", "Deliveries the platform accepted");
        _failed = meter.CreateCounter<long>("egov.outreach.deliveries.failed", "{delivery}", "Deliveries refused for good or out of attempts");
        _uncertain = meter.CreateCounter<long>("egov.outreach.deliveries.uncertain", "{delivery}", "Deliveries a person must check on the platform");
        _retries = meter.CreateCounter<long>("egov.outreach.deliveries.retries", "{attempt}", "Attempts that will be repeated");
        _duration = meter.CreateHistogram<double>("egov.outreach.delivery.duration", "s", "Duration of one attempt");
        _latency = meter.CreateHistogram<double>("egov.outreach.delivery.latency", "s", "From the post's due time to the platform's acceptance");
    }

    public void Sent(string kind, string channel, TimeSpan attempt, TimeSpan latency)
    {
        var tags = Tags(kind, channel);
        _sent.Add(1, tags);
        _duration.Record(attempt.TotalSeconds, tags);
        _latency.Record(latency.TotalSeconds, tags);
    }

    public void Failed(string kind, string channel, TimeSpan attempt) => Count(_failed, kind, channel, attempt);

    public void Uncertain(string kind, string channel, TimeSpan attempt) => Count(_uncertain, kind, channel, attempt);

    public void Retry(string kind, string channel, TimeSpan attempt) => Count(_retries, kind, channel, attempt);

    private void Count(Counter<long> counter, string kind, string channel, TimeSpan attempt)
    {
        var tags = Tags(kind, channel);
        counter.Add(1, tags);
        _duration.Record(attempt.TotalSeconds, tags);
    }

    private static TagList Tags(string kind, string channel) => new() { { "channel.kind", kind }, { "channel.name", channel } };
}
