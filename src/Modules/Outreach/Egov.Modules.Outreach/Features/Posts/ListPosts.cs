using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>Posts, last changed first, by state and break-glass review, with a cursor.</summary>
internal sealed record ListPostsQuery(OutreachActor Actor, PostStatus? Status, bool? BreakGlass, string? Cursor, int? Limit) : IQuery<CursorPage<PostSummary>>;

internal sealed class ListPostsValidator : AbstractValidator<ListPostsQuery>
{
    public ListPostsValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}

internal sealed class ListPostsHandler(OutreachDbContext db) : IQueryHandler<ListPostsQuery, CursorPage<PostSummary>>
{
    private sealed record Position(DateTimeOffset UpdatedAt, Guid Id);

    public async ValueTask<CursorPage<PostSummary>> Handle(ListPostsQuery query, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(query.Actor);
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var posts = db.Posts.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status)
        {
            posts = posts.Where(p => p.Status == status);
        }

        if (after is not null)
        {
            posts = posts.Where(p => p.UpdatedAt < after.UpdatedAt || (p.UpdatedAt == after.UpdatedAt && p.Id.CompareTo(after.Id) < 0));
        }

        // The approval is a JSON value: the break-glass filter runs on the page, over a bounded read.
        var rows = await posts.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Take(query.BreakGlass is null ? limit + 1 : 500)
            .Select(p => new { Post = p, Channels = p.Variants.Count })
            .ToListAsync(cancellationToken);
        var summaries = rows
            .Select(r => new PostSummary(r.Post.Id, r.Post.Title, r.Post.Status.ToString(), r.Post.IsCrisis, r.Post.AuthorName, r.Channels,
                r.Post.Approval is { BreakGlass: true } && r.Post.BreakGlassReviewedAt is null, r.Post.PublishAt, r.Post.UpdatedAt))
            .Where(s => query.BreakGlass is not { } breakGlass || s.BreakGlassAwaitingReview == breakGlass)
            .Take(limit + 1)
            .ToList();
        var items = summaries.Count > limit ? summaries[..limit] : summaries;
        return new CursorPage<PostSummary>(items, summaries.Count > limit ? Cursor.Encode(new Position(items[^1].UpdatedAt, items[^1].Id)) : null);
    }
}
