using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Work;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.CrisisFanOut;

/// <summary>An update follows up on every channel, in the thread of the earlier alert's post where the platform has threads.</summary>
internal sealed class AlertUpdatedFanOutHandler(
    OutreachDbContext db, ChannelLimitsProvider limits, TextFitter fitter, WorkSignal<DeliveryEngine> signal, IOptions<PublicSiteOptions> site, TimeProvider time) :
    CrisisFanOutReaction<AlertUpdatedIntegrationEvent>(db, limits, fitter, signal, site, time)
{
    protected override ValueTask HandleAsync(AlertUpdatedIntegrationEvent notification, CancellationToken cancellationToken) =>
        FanOutAsync(notification.AlertId, notification.Updates.Count > 0 ? notification.Updates[0] : null, "⚠️ Aktualisierung:", notification.Headline, notification.AreaDescription, notification.Slug, cancellationToken);
}
