using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Reading;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>
/// The newest public announcements for the RSS and Atom feeds: published and not expired (the rule
/// of the public list), newest publication first, at most <see cref="Limit"/>; each in
/// <paramref name="Language"/>, German where that variant is missing.
/// </summary>
/// <param name="Kind">Only this kind, or all.</param>
/// <param name="Category">Only announcements with this category code, or all.</param>
/// <param name="Language"><c>de</c>, <c>en</c> or <c>de-x-ls</c>.</param>
internal sealed record ListFeedAnnouncementsQuery(AnnouncementKind? Kind, string? Category, string Language) : IQuery<IReadOnlyList<AnnouncementDetail>>
{
    /// <summary>How many entries a feed holds.</summary>
    public const int Limit = 50;
}

/// <summary>Reads the announcements feeds' entries (the alerts feed and the calendar reuse the Reading queries).</summary>
internal sealed class ListFeedAnnouncementsHandler(AnnouncementsDbContext db, TimeProvider time, PublicReadFreshness freshness)
    : IQueryHandler<ListFeedAnnouncementsQuery, IReadOnlyList<AnnouncementDetail>>
{
    public async ValueTask<IReadOnlyList<AnnouncementDetail>> Handle(ListFeedAnnouncementsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var list = db.Announcements.Listed(now);
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
