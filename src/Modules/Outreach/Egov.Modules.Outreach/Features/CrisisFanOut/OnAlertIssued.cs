using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Work;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.CrisisFanOut;

/// <summary>An issued alert becomes a crisis post to every crisis-capable channel.</summary>
internal sealed class AlertIssuedFanOutHandler(
    OutreachDbContext db, ChannelLimitsProvider limits, TextFitter fitter, WorkSignal<DeliveryEngine> signal, IOptions<PublicSiteOptions> site, TimeProvider time) :
    CrisisFanOutReaction<AlertIssuedIntegrationEvent>(db, limits, fitter, signal, site, time)
{
    protected override ValueTask HandleAsync(AlertIssuedIntegrationEvent notification, CancellationToken cancellationToken) =>
        FanOutAsync(notification.AlertId, null, "⚠️ Warnung:", notification.Headline, notification.AreaDescription, notification.Slug, cancellationToken);
}
