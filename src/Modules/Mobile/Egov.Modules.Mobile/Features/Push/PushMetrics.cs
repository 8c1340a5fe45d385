using System.Diagnostics.Metrics;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// The push fan-out's instruments (meter <c>Egov.Outreach.Push</c>, exported with the host's
/// <c>Egov.*</c> meters). Tags: <c>platform</c> (webpush, fcm, apns) and <c>type</c> (alert, …).
/// </summary>
internal static class PushMetrics
{
    public const string MeterName = "Egov.Outreach.Push";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Pushes accepted by a push service.</summary>
    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("egov.push.sent", "{push}", "Pushes accepted by a push service.");

    /// <summary>Pushes given up: refused for good, or still failing after the last attempt.</summary>
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("egov.push.failed", "{push}", "Pushes given up after refusal or the last retry.");

    /// <summary>Registrations removed after a 404 or 410 of their push service.</summary>
    public static readonly Counter<long> Pruned = Meter.CreateCounter<long>("egov.push.pruned", "{device}", "Registrations removed because the push service no longer knows them.");

    /// <summary>Retries after a 429, a 5xx or no answer.</summary>
    public static readonly Counter<long> Retried = Meter.CreateCounter<long>("egov.push.retried", "{attempt}", "Pushes tried again after 429, 5xx or a network error.");

    /// <summary>Time of one request to a push service.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("egov.push.duration", "s", "Duration of one request to a push service.");

    /// <summary>Time from the start of a job's fan-out to its last push.</summary>
    public static readonly Histogram<double> FanOutDuration = Meter.CreateHistogram<double>("egov.push.fanout.duration", "s", "Duration of the fan-out of one notification to its whole audience.");

    /// <summary>Devices a job has gone through so far (progress of a fan-out).</summary>
    public static readonly Counter<long> Processed = Meter.CreateCounter<long>("egov.push.fanout.devices", "{device}", "Devices the fan-out has gone through.");
}
