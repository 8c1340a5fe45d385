using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>The staff inbox, newest first, filtered by channel, unanswered, flagged and assignee, with a cursor (<c>GET /api/v1/outreach/inbox</c>).</summary>
internal sealed record ListInboxQuery(OutreachActor Actor, Guid? ChannelId, bool? Unanswered, bool? Flagged, string? AssignedTo, string? Cursor, int? Limit) : IQuery<CursorPage<InboxItemView>>;

internal sealed class ListInboxValidator : AbstractValidator<ListInboxQuery>
{
    public ListInboxValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}

internal sealed class ListInboxHandler(OutreachDbContext db) : IQueryHandler<ListInboxQuery, CursorPage<InboxItemView>>
{
    private sealed record Position(DateTimeOffset PublishedAt, Guid Id);

    public async ValueTask<CursorPage<InboxItemView>> Handle(ListInboxQuery query, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(query.Actor);
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var items = db.InboxItems.AsNoTracking();
        if (query.ChannelId is { } channelId)
        {
            items = items.Where(i => i.ChannelId == channelId);
        }

        if (query.Unanswered is { } unanswered)
        {
            items = unanswered ? items.Where(i => i.AnswerPostId == null) : items.Where(i => i.AnswerPostId != null);
        }

        if (query.Flagged is { } flagged)
        {
            items = items.Where(i => i.Flagged == flagged);
        }

        if (!string.IsNullOrWhiteSpace(query.AssignedTo))
        {
            var assignee = query.AssignedTo == "me" ? query.Actor.Subject : query.AssignedTo;
            items = items.Where(i => i.AssignedTo == assignee);
        }

        if (after is not null)
        {
            items = items.Where(i => i.PublishedAt < after.PublishedAt || (i.PublishedAt == after.PublishedAt && i.Id.CompareTo(after.Id) < 0));
        }

        var rows = await items.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Count > limit ? rows[..limit] : rows;
        return new CursorPage<InboxItemView>([.. page.Select(InboxItemView.From)], rows.Count > limit ? Cursor.Encode(new Position(page[^1].PublishedAt, page[^1].Id)) : null);
    }
}
