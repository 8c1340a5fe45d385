using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Outreach.Contracts;
using Mediator;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.AppPush;

/// <summary>
/// Delivers a post to the city's own app through the Mobile module (<see cref="QueueAppPushCommand"/>):
/// Mobile queues a push for the devices that follow announcements and its push fan-out sends it like
/// every other push. "Sent" means the push is queued; Mobile's push metrics show what reached the
/// devices. Idempotent: a repeated attempt of a delivery gets the push job of its first attempt.
/// Alerts do not come this way — Mobile pushes them itself from the alert events.
/// </summary>
internal sealed class AppPushAdapter(ISender sender) : IChannelAdapter
{
    public string Kind => OutreachChannelKinds.AppPush;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queued = await sender.Send(new QueueAppPushCommand(message.DeliveryId, message.Text, message.Link, message.Crisis), cancellationToken);
        return DeliveryOutcome.Sent($"push-job:{queued.PushJobId}", null);
    }

    public Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken) => Task.FromResult<Engagement?>(null);
}
