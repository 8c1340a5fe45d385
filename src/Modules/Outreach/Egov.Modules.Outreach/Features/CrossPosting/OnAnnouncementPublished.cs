using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.CrossPosting;

/// <summary>
/// Cross-posting: a published announcement (news, official notice, event — alerts go through the
/// crisis fan-out) becomes posts for the channels whose <see cref="CrossPostPolicy"/> shares
/// announcements, with per-channel texts derived from its title, summary and public link, through
/// the same checks and approval: one post for the channels that review (it waits in review), one for
/// those that auto-approve (approved in the system's name when the checks pass, recorded). A post
/// whose checks block stays a draft for the editors. Idempotent (the outbox delivers at least once).
/// </summary>
internal sealed class OnAnnouncementPublished(
    OutreachDbContext db, ChannelLimitsProvider limits, TextFitter fitter, WorkSignal<DeliveryEngine> signal, IOptions<PublicSiteOptions> site, TimeProvider time) :
    IntegrationEventHandler<AnnouncementPublishedIntegrationEvent, OutreachDbContext>(db, time)
{
    /// <summary>The inbox key of the events handled so far — the class's name before ADR 0018's <c>On&lt;EventName&gt;</c>: stays when the class is renamed or split.</summary>
    protected override string InboxName => "CrossPostHandler";

    protected override async ValueTask HandleAsync(AnnouncementPublishedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (notification.Kind == AnnouncementKinds.Alert)
        {
            return;
        }

        var now = Time.GetUtcNow();
        var channels = await Db.Channels
            .Where(c => c.Enabled && c.CrossPostPolicy != CrossPostPolicy.None && c.Kind != OutreachChannelKinds.AppPush)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        var already = await Db.Posts.AnyAsync(p => p.AnnouncementId == notification.AnnouncementId, cancellationToken);
        if (channels.Count > 0 && !already)
        {
            var link = notification.Slug is null ? null : site.Value.Link($"announcements/{Uri.EscapeDataString(notification.Slug)}").ToString();
            var guideline = await Db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken) ?? 0;
            foreach (var group in channels.GroupBy(c => c.CrossPostPolicy))
            {
                var variants = new List<PostVariant>();
                var results = new List<ChannelCheckView>();
                foreach (var channel in group)
                {
                    var capabilities = ChannelLimitsMapping.ToCapabilities(await limits.CurrentAsync(channel, cancellationToken));
                    var (text, result) = fitter.Fit(channel.Kind, capabilities, notification.Title, notification.Summary ?? "", link, channel.RequiresImprintLink);
                    variants.Add(new PostVariant { Id = Guid.NewGuid(), ChannelId = channel.Id, Text = text, Language = "de", Link = link });
                    results.Add(ChannelCheckView.From(channel, result, channel.Limits.Source));
                }

                var blocking = results.Sum(r => r.Findings.Count(f => f.Severity == FindingSeverity.Blocking));
                var report = new PostCheckReport(blocking == 0, blocking, results.Sum(r => r.Findings.Count) - blocking, guideline, results);
                Db.Posts.Add(Post.CreateCrossPost(notification.AnnouncementId, notification.Title, variants, report.Passes,
                    group.Key == CrossPostPolicy.AutoApprove, guideline, PostCheckService.Serialize(report), now));
            }

            signal.NotifyAfterCommit(Db);
        }
    }
}
