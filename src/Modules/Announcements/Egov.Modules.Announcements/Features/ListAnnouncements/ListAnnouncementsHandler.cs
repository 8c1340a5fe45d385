using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.ListAnnouncements;

/// <summary>Published, unexpired announcements, newest first, with keyset paging on (published at, id).</summary>
internal sealed class ListAnnouncementsHandler(AnnouncementsDbContext db, TimeProvider time)
    : IQueryHandler<ListAnnouncementsQuery, CursorPage<AnnouncementSummary>>
{
    public async ValueTask<CursorPage<AnnouncementSummary>> Handle(ListAnnouncementsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);

        var announcements = db.Announcements.AsNoTracking()
            .Where(a => a.Status == AnnouncementStatus.Published && (a.ExpiresAt == null || a.ExpiresAt > now));
        if (query.Kind is not null)
        {
            var kind = Enum.Parse<AnnouncementKind>(query.Kind, ignoreCase: true);
            announcements = announcements.Where(a => a.Kind == kind);
        }

        if (after is not null)
        {
            announcements = announcements.Where(a =>
                a.PublishedAt < after.PublishedAt || (a.PublishedAt == after.PublishedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await announcements
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(limit + 1)
            .Select(a => new AnnouncementSummary(a.Id, a.Kind.ToString(), a.Title, a.Summary, a.Categories, a.PublishedAt!.Value))
            .ToListAsync(cancellationToken);

        var hasMore = rows.Count > limit;
        var items = hasMore ? rows[..limit] : rows;
        var next = hasMore ? Cursor.Encode(new Position(items[^1].PublishedAt, items[^1].Id)) : null;
        return new CursorPage<AnnouncementSummary>(items, next);
    }

    internal sealed record Position(DateTimeOffset PublishedAt, Guid Id);
}
