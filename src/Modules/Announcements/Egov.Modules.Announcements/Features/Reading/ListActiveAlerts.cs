using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Reading;

/// <summary>Alerts in force now: published, not expired, not superseded, not cancels.</summary>
internal sealed record ListActiveAlertsQuery(string Language) : IQuery<IReadOnlyList<AnnouncementDetail>>;

/// <summary>The alerts in force; the read cache is told when the first of them runs out.</summary>
internal sealed class ListActiveAlertsHandler(AnnouncementsDbContext db, TimeProvider time, PublicReadFreshness freshness)
    : IQueryHandler<ListActiveAlertsQuery, IReadOnlyList<AnnouncementDetail>>
{
    public async ValueTask<IReadOnlyList<AnnouncementDetail>> Handle(ListActiveAlertsQuery query, CancellationToken cancellationToken)
    {
        var alerts = await db.Announcements.Listed(time.GetUtcNow())
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
}
