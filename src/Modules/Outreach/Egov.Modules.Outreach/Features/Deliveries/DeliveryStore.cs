using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>What the delivery use cases share with the database: the delivery, the post's completion, the save.</summary>
internal sealed class DeliveryStore(OutreachDbContext db)
{
    /// <summary>Completes the post when <paramref name="changed"/> was the last of its deliveries to end.</summary>
    public async Task CompleteAsync(Guid postId, Delivery changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var others = await db.Deliveries.Where(d => d.PostId == postId && d.Id != changed.Id).Select(d => d.Status).ToListAsync(cancellationToken);
        var states = others.Append(changed.Status).ToList();
        if (!Post.AllEnded(states))
        {
            return;
        }

        var post = await db.Posts.IgnoreAutoIncludes().FirstAsync(p => p.Id == postId, cancellationToken);
        post.CompleteIfDelivered(states, now);
    }

    /// <exception cref="NotFoundException">No such delivery.</exception>
    public async Task<Delivery> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException($"There is no delivery {id}.");

    /// <exception cref="ConflictException">A worker changed the delivery meanwhile.</exception>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The delivery changed while you acted on it (a worker attempted it); read it again.");
        }
    }
}
