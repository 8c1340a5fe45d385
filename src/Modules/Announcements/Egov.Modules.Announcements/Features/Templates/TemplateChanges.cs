using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>
/// Optimistic concurrency of template changes: every change names the version it was read at (<c>If-Match</c>,
/// RFC 9110 §13.1.1); of two changes at once one wins, the other gets 412.
/// </summary>
internal static class TemplateChanges
{
    /// <summary>The tracked template to change: 404 unknown, 428 without <paramref name="ifMatch"/>, 412 when it is not the current version.</summary>
    public static async Task<AlertTemplate> FindTemplateForChangeAsync(this AnnouncementsDbContext db, Guid id, int? ifMatch, CancellationToken cancellationToken)
    {
        var template = await db.AlertTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no crisis template {id}.");
        if (ifMatch is null)
        {
            throw new PreconditionRequiredException("Changes need an If-Match header with the template's ETag as you last read it.");
        }

        return ifMatch == template.Version
            ? template
            : throw new PreconditionFailedException("The template changed since you read it; read it again, check the change, then retry.");
    }

    /// <summary>Saves the change; a concurrent change of the same template that won first is a 412.</summary>
    public static async Task SaveTemplateChangeAsync(this AnnouncementsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("The template was changed by someone else at the same time; read it again, then retry.");
        }
    }
}
