using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Push;
using Egov.Modules.Outreach.Features.Push;
using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Deliveries.Adapters;

/// <summary>
/// Delivers a post to the city's own app: a push job (type <c>post</c>) for the devices that follow
/// announcements (subscribed to at least one category), sent by the push fan-out like every other
/// push. "Sent" means the job is queued; the push fan-out's metrics show what reached the devices.
/// Idempotent: a repeated attempt finds the job of its delivery. Alerts do not come this way — the
/// mobile backend pushes them itself from the alert events.
/// </summary>
internal sealed class AppPushAdapter(OutreachDbContext db, ISender sender, PushLinks links, PushSignal signal, TimeProvider time) : IChannelAdapter
{
    public const string PostType = "post";

    public string Kind => OutreachChannelKinds.AppPush;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var existing = await db.PushJobs.Where(j => j.SourceEventId == message.DeliveryId && j.Type == PostType).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return DeliveryOutcome.Sent($"push-job:{id}", null);
        }

        var categories = await sender.Send(new GetAnnouncementCategoriesQuery(), cancellationToken);
        var lines = message.Text.Split('\n', 2, StringSplitOptions.TrimEntries);
        var url = Uri.TryCreate(message.Link, UriKind.Absolute, out var link) ? link : links.Base;
        var json = new PushContent(PostType, message.DeliveryId, PushTexts.Cut(lines[0], PushTexts.MaxTitleLength),
            lines.Length > 1 && lines[1].Length > 0 ? PushTexts.Cut(lines[1], PushTexts.MaxTitleLength) : null, url).ToJson();
        var now = time.GetUtcNow();
        var job = new PushJob
        {
            Id = Guid.CreateVersion7(now),
            SourceEventId = message.DeliveryId,
            Type = PostType,
            Audience = PushAudienceKind.Category,
            Categories = [.. categories.Keys],
            PayloadDe = json,
            PayloadEn = json,
            Urgency = message.Crisis ? PushUrgency.High : PushUrgency.Low,
            TimeToLiveSeconds = (int)TimeSpan.FromDays(1).TotalSeconds,
            Topic = message.DeliveryId.ToString("N"),
            CreatedAt = now,
        };
        db.PushJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return DeliveryOutcome.Sent($"push-job:{job.Id}", null);
    }

    public Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken) => Task.FromResult<Engagement?>(null);
}
