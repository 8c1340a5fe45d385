using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>An image of an approved post by its public link's token (<see cref="PublicMediaLinks"/>), for platforms that fetch images.</summary>
internal sealed record GetPublicPostMediaQuery(string Token) : IQuery<PostMedia>;

internal sealed class GetPublicPostMediaHandler(OutreachDbContext db, PublicMediaLinks links) : IQueryHandler<GetPublicPostMediaQuery, PostMedia>
{
    /// <exception cref="NotFoundException">The token is malformed, forged or expired, or the image is gone or not of an approved post.</exception>
    public async ValueTask<PostMedia> Handle(GetPublicPostMediaQuery query, CancellationToken cancellationToken)
    {
        var id = links.Resolve(query.Token) ?? throw new NotFoundException("This image link is not valid (or no longer).");
        var media = await db.PostMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var approved = media is not null && await db.Posts.AnyAsync(p => p.Id == media.PostId && (p.Status == PostStatus.Approved || p.Status == PostStatus.Scheduled || p.Status == PostStatus.Publishing || p.Status == PostStatus.Published || p.Status == PostStatus.PartiallyFailed), cancellationToken);
        return approved ? media! : throw new NotFoundException("This image link is not valid (or no longer).");
    }
}
