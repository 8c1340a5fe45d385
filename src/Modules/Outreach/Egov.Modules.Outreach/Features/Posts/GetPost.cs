using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>One post with its variants, approval and hold.</summary>
internal sealed record GetPostQuery(OutreachActor Actor, Guid Id) : IQuery<PostView>;

internal sealed class GetPostHandler(OutreachDbContext db, PostStore store) : IQueryHandler<GetPostQuery, PostView>
{
    public async ValueTask<PostView> Handle(GetPostQuery query, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(query.Actor);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no post {query.Id}.");
        return await store.ViewAsync(post, cancellationToken);
    }
}
