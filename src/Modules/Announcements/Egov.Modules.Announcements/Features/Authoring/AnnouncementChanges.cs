using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>
/// Optimistic concurrency of the editorial changes: every change names the version it was read at
/// (<c>If-Match</c>, RFC 9110 §13.1.1); of two changes at once one wins, the other gets 412.
/// </summary>
internal static class AnnouncementChanges
{
    /// <summary>The tracked announcement to change.</summary>
    /// <exception cref="NotFoundException">No announcement has <paramref name="id"/>.</exception>
    /// <exception cref="PreconditionRequiredException">No <paramref name="ifMatch"/> was sent (428).</exception>
    /// <exception cref="PreconditionFailedException"><paramref name="ifMatch"/> is not the current version (412).</exception>
    public static async Task<Announcement> FindForChangeAsync(this AnnouncementsDbContext db, Guid id, int? ifMatch, CancellationToken cancellationToken)
    {
        var announcement = await db.Announcements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no announcement {id}.");
        if (ifMatch is null)
        {
            throw new PreconditionRequiredException("Changes need an If-Match header with the announcement's ETag as you last read it.");
        }

        return ifMatch == announcement.Version
            ? announcement
            : throw new PreconditionFailedException("The announcement changed since you read it; read it again, check the change, then retry.");
    }

    /// <summary>Saves the change; a concurrent change of the same announcement that won first is a 412.</summary>
    public static async Task SaveChangeAsync(this AnnouncementsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("The announcement was changed by someone else at the same time; read it again, then retry.");
        }
    }
}
