using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>What the post use cases share with the database: the post under If-Match, the save, the view with the alert hold.</summary>
internal sealed class PostStore(OutreachDbContext db, IOptions<OutreachOptions> options, TimeProvider time)
{
    /// <exception cref="RequestValidationException">A variant names an image not uploaded to this post (field <c>variants[i].media[j].mediaId</c>).</exception>
    public async Task EnsureMediaOfPostAsync(Guid postId, List<PostVariant> variants, CancellationToken cancellationToken)
    {
        var ids = variants.SelectMany(v => v.Media.Select(m => m.MediaId)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var known = await db.PostMedia.Where(m => m.PostId == postId && ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < variants.Count; i++)
        {
            for (var j = 0; j < variants[i].Media.Count; j++)
            {
                if (!known.Contains(variants[i].Media[j].MediaId))
                {
                    throw new RequestValidationException($"variants[{i}].media[{j}].mediaId", $"There is no image {variants[i].Media[j].MediaId} uploaded to this post.");
                }
            }
        }
    }

    /// <summary>The post as the API shows it, held while an alert is active (when <see cref="OutreachOptions.HoldPostsDuringAlerts"/>).</summary>
    public async Task<PostView> ViewAsync(Post post, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var alertActive = options.Value.HoldPostsDuringAlerts && await db.ActiveAlerts.AnyAsync(a => a.Expires > now, cancellationToken);
        return PostView.From(post, alertActive);
    }

    /// <exception cref="NotFoundException">No such post.</exception>
    /// <exception cref="PreconditionRequiredException">No If-Match.</exception>
    /// <exception cref="PreconditionFailedException">A stale If-Match.</exception>
    public async Task<Post> FindAsync(Guid id, int? ifMatch, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException($"There is no post {id}.");
        if (ifMatch is null)
        {
            throw new PreconditionRequiredException("Changes need an If-Match header with the post's ETag as you last read it.");
        }

        return ifMatch == post.Version
            ? post
            : throw new PreconditionFailedException("The post changed since you read it; read it again, check the change, then retry.");
    }

    /// <exception cref="PreconditionFailedException">Someone else changed the post at the same time.</exception>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("The post was changed by someone else at the same time; read it again, then retry.");
        }
    }

    /// <summary>The newest guideline version, or null before any was published.</summary>
    public Task<int?> CurrentGuidelineAsync(CancellationToken cancellationToken) => db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken);
}
