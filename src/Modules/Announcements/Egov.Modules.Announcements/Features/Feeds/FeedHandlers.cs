using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Reading;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>Reads the announcements feeds' entries (the alerts feed and the calendar reuse the Reading queries).</summary>
internal sealed class FeedHandlers(AnnouncementsDbContext db, TimeProvider time, PublicReadFreshness freshness) :
    IQueryHandler<ListFeedAnnouncementsQuery, IReadOnlyList<AnnouncementDetail>>
{
    public async ValueTask<IReadOnlyList<AnnouncementDetail>> Handle(ListFeedAnnouncementsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // The same public rule as the list (ReadingHandlers): published and not past its expiry.
        var list = db.Announcements.AsNoTracking()
            .Where(a => a.Status == AnnouncementStatus.Published && (a.ExpireAt == null || a.ExpireAt > now));
        if (query.Kind is { } kind)
        {
            list = list.Where(a => a.Kind == kind);
        }

        if (query.Category is { } category)
        {
            list = list.Where(a => a.Categories.Contains(category));
        }

        var rows = await list
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(ListFeedAnnouncementsQuery.Limit)
            .ToListAsync(cancellationToken);
        freshness.NotAfter(rows.Select(a => a.ExpireAt));
        return [.. rows.Select(a => AnnouncementDetail.From(a, query.Language))];
    }
}
