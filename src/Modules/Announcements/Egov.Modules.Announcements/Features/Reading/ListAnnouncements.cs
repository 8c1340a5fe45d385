using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Reads;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Reading;

/// <summary>Public list filters; all optional, combined with AND.</summary>
/// <param name="Kind">News, OfficialNotice, Event or Alert.</param>
/// <param name="Category">A category code.</param>
/// <param name="Language">Variant to show (<c>de</c>, <c>en</c>, <c>de-x-ls</c>); German where it is missing.</param>
/// <param name="Since">Only published at or after this instant.</param>
/// <param name="Search">Full-text search (PostgreSQL German text search; plain substring on SQLite).</param>
internal sealed record AnnouncementFilter(AnnouncementKind? Kind, string? Category, string Language, DateTimeOffset? Since, string? Search);

/// <summary>Published, unexpired announcements, newest first.</summary>
internal sealed record ListAnnouncementsQuery(AnnouncementFilter Filter, string? Cursor, int? Limit) : IQuery<CursorPage<AnnouncementSummary>>;

internal sealed class ListAnnouncementsValidator : AbstractValidator<ListAnnouncementsQuery>
{
    public ListAnnouncementsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
        RuleFor(q => q.Filter.Search).MaximumLength(200).OverridePropertyName("q").WithName("q");
        RuleFor(q => q.Filter.Language).Must(l => AnnouncementLanguages.All.Contains(l))
            .WithMessage($"Use one of: {string.Join(", ", AnnouncementLanguages.All)}.").OverridePropertyName("lang");
    }
}

/// <summary>The public list by cursor, newest publication first; the read cache is told when the first listed item expires.</summary>
internal sealed class ListAnnouncementsHandler(AnnouncementsDbContext db, TimeProvider time, PublicReadFreshness freshness)
    : IQueryHandler<ListAnnouncementsQuery, CursorPage<AnnouncementSummary>>
{
    public async ValueTask<CursorPage<AnnouncementSummary>> Handle(ListAnnouncementsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var filter = query.Filter;
        var list = db.Announcements.Listed(now);
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

    internal sealed record Position(DateTimeOffset PublishedAt, Guid Id);
}
