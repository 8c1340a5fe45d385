using Egov.Modules.Mobile.Domain.Push;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>One notification in one language, ready to send.</summary>
/// <param name="Json">The payload as the app receives it (<see cref="PushContent"/>).</param>
/// <param name="Content">The same, parsed, for the platforms that show title and body themselves.</param>
/// <param name="Urgency">Web Push <c>Urgency</c>; FCM and APNs priority.</param>
/// <param name="TimeToLive">How long the push service keeps it for an offline device.</param>
/// <param name="Topic">Replaces an undelivered message of the same topic, or null.</param>
internal sealed record PushDelivery(string Json, PushContent Content, PushUrgency Urgency, TimeSpan TimeToLive, string? Topic)
{
    public static PushDelivery Of(PushJob job, string language)
    {
        ArgumentNullException.ThrowIfNull(job);
        var json = job.PayloadFor(language);
        return new PushDelivery(json, PushContent.FromJson(json), job.Urgency, TimeSpan.FromSeconds(job.TimeToLiveSeconds), job.Topic);
    }
}
