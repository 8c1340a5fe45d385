using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>The editorial list: any state, newest change first; <paramref name="BreakGlass"/> true lists alerts awaiting review.</summary>
internal sealed record ListAnnouncementsForEditingQuery(ContentActor Actor, AnnouncementStatus? Status, AnnouncementKind? Kind, bool? BreakGlass, string? Cursor, int? Limit)
    : IQuery<CursorPage<AnnouncementEditorSummary>>;

internal sealed class ListAnnouncementsForEditingValidator : AbstractValidator<ListAnnouncementsForEditingQuery>
{
    public ListAnnouncementsForEditingValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}

/// <summary>The editorial list, last changed first, by cursor.</summary>
internal sealed class ListAnnouncementsForEditingHandler(AnnouncementsDbContext db)
    : IQueryHandler<ListAnnouncementsForEditingQuery, CursorPage<AnnouncementEditorSummary>>
{
    public async ValueTask<CursorPage<AnnouncementEditorSummary>> Handle(ListAnnouncementsForEditingQuery query, CancellationToken cancellationToken)
    {
        EditorialAccess.EnsureMayRead(query.Actor);
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var list = db.Announcements.AsNoTracking();
        if (query.Status is { } status)
        {
            list = list.Where(a => a.Status == status);
        }

        if (query.Kind is { } kind)
        {
            list = list.Where(a => a.Kind == kind);
        }

        if (query.BreakGlass is { } breakGlass)
        {
            list = breakGlass ? list.Where(a => a.BreakGlass && a.ReviewedAt == null) : list.Where(a => !a.BreakGlass || a.ReviewedAt != null);
        }

        if (after is not null)
        {
            list = list.Where(a => a.UpdatedAt < after.UpdatedAt || (a.UpdatedAt == after.UpdatedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await list.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(limit + 1)
            .Select(a => new AnnouncementEditorSummary(a.Id, a.Slug, a.Kind.ToString(), a.Status.ToString(), a.Title,
                a.Kind == AnnouncementKind.OfficialNotice || a.Kind == AnnouncementKind.Alert, a.ApprovedAt != null, a.BreakGlass, a.PublishAt, a.PublishedAt, a.UpdatedAt))
            .ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;
        return new CursorPage<AnnouncementEditorSummary>(items, rows.Count > limit ? Cursor.Encode(new Position(items[^1].UpdatedAt, items[^1].Id)) : null);
    }

    internal sealed record Position(DateTimeOffset UpdatedAt, Guid Id);
}
