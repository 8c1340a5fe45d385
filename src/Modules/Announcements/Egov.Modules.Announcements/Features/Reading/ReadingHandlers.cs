using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Reading;

/// <summary>The public read side: lists, details, active alerts.</summary>
internal sealed class ReadingHandlers(AnnouncementsDbContext db, TimeProvider time, PublicReadFreshness freshness) :
    IQueryHandler<ListAnnouncementsQuery, CursorPage<AnnouncementSummary>>,
    IQueryHandler<GetAnnouncementQuery, AnnouncementDetail>,
    IQueryHandler<ListActiveAlertsQuery, IReadOnlyList<AnnouncementDetail>>
{
    public async ValueTask<CursorPage<AnnouncementSummary>> Handle(ListAnnouncementsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var filter = query.Filter;
        var list = Public(now);
        if (filter.Kind is { } kind)
        {
            list = list.Where(a => a.Kind == kind);
        }

        if (filter.Category is { } category)
        {
            list = list.Where(a => a.Categories.Contains(category));
        }

        if (filter.Since?.ToUniversalTime() is { } since)
        {
            list = list.Where(a => a.PublishedAt >= since);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var q = filter.Search.Trim();
            var lower = q.ToLowerInvariant();
            list = db.Database.IsNpgsql()
                ? list.Where(a => EF.Functions.ToTsVector("german", a.SearchText).Matches(EF.Functions.WebSearchToTsQuery("german", q)))
                : list.Where(a => a.SearchText.Contains(lower));
        }

        if (after is not null)
        {
            list = list.Where(a => a.PublishedAt < after.PublishedAt || (a.PublishedAt == after.PublishedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await list.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;

        // An item that expires leaves the page (and the next one moves up) without a write.
        freshness.NotAfter(items.Select(a => a.ExpireAt));
        return new CursorPage<AnnouncementSummary>(
            [.. items.Select(a =>
            {
                var variant = a.Content.In(filter.Language);
                return new AnnouncementSummary(a.Id, a.Slug, a.Kind.ToString(), variant.Language, variant.Title, variant.Summary, a.Categories,
                    a.PublishedAt!.Value, a.CorrectedAt, a.Content.Alert?.Severity);
            })],
            rows.Count > limit ? Cursor.Encode(new Position(items[^1].PublishedAt!.Value, items[^1].Id)) : null);
    }

    public async ValueTask<AnnouncementDetail> Handle(GetAnnouncementQuery query, CancellationToken cancellationToken)
    {
        var visible = db.Announcements.AsNoTracking().Where(a => a.Status == AnnouncementStatus.Published || a.Status == AnnouncementStatus.Expired);
        var announcement = Guid.TryParse(query.IdOrSlug, out var id)
            ? await visible.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            : await visible.FirstOrDefaultAsync(a => a.Slug == query.IdOrSlug, cancellationToken);
        return announcement is null
            ? throw new NotFoundException($"There is no public announcement '{query.IdOrSlug}'.")
            : AnnouncementDetail.From(announcement, query.Language);
    }

    public async ValueTask<IReadOnlyList<AnnouncementDetail>> Handle(ListActiveAlertsQuery query, CancellationToken cancellationToken)
    {
        var alerts = await Public(time.GetUtcNow())
            .Where(a => a.Kind == AnnouncementKind.Alert && a.SupersededBy == null)
            .OrderByDescending(a => a.PublishedAt)
            .Take(Cursor.MaxPageSize)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var active = alerts.Where(a => a.Content.Alert?.MsgType != "Cancel" && a.Content.Alert?.Expires > now).ToList();

        // An alert leaves the list when it expires by time alone (CAP expires, or the announcement's expiry).
        freshness.NotAfter(active.SelectMany(a => new[] { a.ExpireAt, a.Content.Alert?.Expires }));
        return [.. active.Select(a => AnnouncementDetail.From(a, query.Language))];
    }

    private IQueryable<Announcement> Public(DateTimeOffset now) =>
        db.Announcements.AsNoTracking().Where(a => a.Status == AnnouncementStatus.Published && (a.ExpireAt == null || a.ExpireAt > now));

    internal sealed record Position(DateTimeOffset PublishedAt, Guid Id);
}
