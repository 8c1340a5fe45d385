using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Work;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.CrisisFanOut;

/// <summary>An all-clear follows up on every channel, in the thread of the earlier alert's post where the platform has threads.</summary>
internal sealed class AlertCancelledFanOutHandler(
    OutreachDbContext db, ChannelLimitsProvider limits, TextFitter fitter, WorkSignal<DeliveryEngine> signal, IOptions<PublicSiteOptions> site, TimeProvider time) :
    CrisisFanOutReaction<AlertCancelledIntegrationEvent>(db, limits, fitter, signal, site, time)
{
    protected override ValueTask HandleAsync(AlertCancelledIntegrationEvent notification, CancellationToken cancellationToken) =>
        FanOutAsync(notification.AlertId, notification.Cancels.Count > 0 ? notification.Cancels[0] : null, "✅ Entwarnung:", notification.Headline, notification.AreaDescription, notification.Slug, cancellationToken);
}
