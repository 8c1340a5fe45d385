using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>One uploaded image of a post, with its bytes.</summary>
internal sealed record GetPostMediaQuery(OutreachActor Actor, Guid Id, Guid MediaId) : IQuery<PostMedia>;

internal sealed class GetPostMediaHandler(OutreachDbContext db) : IQueryHandler<GetPostMediaQuery, PostMedia>
{
    public async ValueTask<PostMedia> Handle(GetPostMediaQuery query, CancellationToken cancellationToken)
    {
        PostRules.EnsureMayRead(query.Actor);
        return await db.PostMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.MediaId && m.PostId == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no image {query.MediaId} on post {query.Id}.");
    }
}
