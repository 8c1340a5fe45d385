using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Domain;
using Egov.Modules.Outreach.Persistence;
using Mediator;

namespace Egov.Modules.Outreach.Features.CollectCrossPostCandidates;

/// <summary>
/// Records each published announcement as a cross-post candidate. Idempotent: a redelivered event
/// (the outbox delivers at least once) finds its inbox entry and changes nothing.
/// </summary>
internal sealed class AnnouncementPublishedHandler(OutreachDbContext db, TimeProvider time)
    : INotificationHandler<AnnouncementPublishedIntegrationEvent>
{
    private const string HandlerName = nameof(AnnouncementPublishedHandler);

    public async ValueTask Handle(AnnouncementPublishedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (await db.HasProcessedAsync(notification.EventId, HandlerName, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var candidate = await db.CrossPostCandidates.FindAsync([notification.AnnouncementId], cancellationToken);
        if (candidate is null)
        {
            db.CrossPostCandidates.Add(new CrossPostCandidate
            {
                AnnouncementId = notification.AnnouncementId,
                Kind = notification.Kind,
                Title = notification.Title,
                Categories = [.. notification.Categories],
                PublishedAt = notification.OccurredAt,
                ReceivedAt = now,
            });
        }
        else
        {
            // A re-publication after a correction: keep one candidate with the newest title.
            candidate.Title = notification.Title;
            candidate.Categories = [.. notification.Categories];
            candidate.PublishedAt = notification.OccurredAt;
        }

        db.MarkProcessed(notification.EventId, HandlerName, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
