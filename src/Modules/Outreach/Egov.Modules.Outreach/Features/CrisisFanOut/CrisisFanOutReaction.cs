using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Outbox;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.CrisisFanOut;

/// <summary>
/// The crisis fan-out: an issued alert becomes a crisis post to every enabled crisis-capable channel
/// at once, approved by break-glass in the system's name (listed for the press office's review) and
/// due now; an update or a cancellation follows up on every channel, as a reply in the thread of the
/// earlier alert's post where the platform has threads (Mastodon, Bluesky) and as a new message
/// otherwise. App push is not fanned out here: the mobile backend pushes alerts to devices itself.
/// One reaction per event (<c>On&lt;Event&gt;.cs</c>); idempotent through the inbox (the outbox
/// delivers at least once).
/// </summary>
internal abstract class CrisisFanOutReaction<TEvent>(
    OutreachDbContext db, ChannelLimitsProvider limits, TextFitter fitter, WorkSignal<DeliveryEngine> signal, IOptions<PublicSiteOptions> site, TimeProvider time) :
    IntegrationEventHandler<TEvent, OutreachDbContext>(db, time)
    where TEvent : IIntegrationEvent
{
    /// <summary>The inbox key of the events handled so far (the class's name before the split).</summary>
    protected override string InboxName => "AlertFanOutHandler";

    protected async ValueTask FanOutAsync(
        Guid alertId, Guid? follows, string prefix, string headline, string area, string? slug, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var channels = await Db.Channels
            .Where(c => c.Enabled && c.CrisisCapable && c.Kind != OutreachChannelKinds.AppPush)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        if (channels.Count > 0 && !await Db.Posts.AnyAsync(p => p.AlertId == alertId, cancellationToken))
        {
            var link = slug is null ? null : site.Value.Link($"announcements/{Uri.EscapeDataString(slug)}").ToString();
            var variants = new List<Domain.Posts.PostVariant>();
            var results = new List<ChannelCheckView>();
            foreach (var channel in channels)
            {
                var capabilities = ChannelLimitsMapping.ToCapabilities(await limits.CurrentAsync(channel, cancellationToken));
                var (text, result) = fitter.Fit(channel.Kind, capabilities, $"{prefix} {headline}", string.IsNullOrWhiteSpace(area) ? "" : $"Gebiet: {area}", link, channel.RequiresImprintLink);
                variants.Add(new Domain.Posts.PostVariant { Id = Guid.NewGuid(), ChannelId = channel.Id, Text = text, Language = "de", Link = link });
                results.Add(ChannelCheckView.From(channel, result, channel.Limits.Source));
            }

            var blocking = results.Sum(r => r.Findings.Count(f => f.Severity == FindingSeverity.Blocking));
            var guideline = await Db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken) ?? 0;
            var report = new PostCheckReport(blocking == 0, blocking, results.Sum(r => r.Findings.Count) - blocking, guideline, results);
            Db.Posts.Add(Post.CreateAlertPost(alertId, follows, $"{prefix} {headline}", variants, guideline, PostCheckService.Serialize(report), now));
            signal.NotifyAfterCommit(Db);
        }
    }
}
