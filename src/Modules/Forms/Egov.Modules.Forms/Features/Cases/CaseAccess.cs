using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>
/// The access rules of the case API: a submitted application of one of the caller's departments
/// (Administrators: any); changes need the ETag last read and lose against a change at the same
/// time (412); every read of personal data is logged.
/// </summary>
internal static class CaseAccess
{
    /// <summary>
    /// Records the caller as known staff and returns the case (tracked unless <paramref name="tracked"/> is false).
    /// Cases of other departments are reported missing, not forbidden, so their existence does not leak.
    /// </summary>
    /// <exception cref="NotFoundException">No such case, or not the caller's department.</exception>
    public static async Task<Application> FindAsync(
        FormsDbContext db, StaffDirectory staff, Caseworker caseworker, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        await staff.TouchAsync(caseworker, cancellationToken);
        var applications = tracked ? db.Applications : db.Applications.AsNoTracking();
        var application = await applications.FirstOrDefaultAsync(a => a.Id == id && a.SubmittedAt != null, cancellationToken);
        return application is not null && caseworker.Covers(application.Department)
            ? application
            : throw new NotFoundException($"There is no case {id}.");
    }

    /// <exception cref="PreconditionRequiredException">No <c>If-Match</c> (428).</exception>
    /// <exception cref="PreconditionFailedException">The case changed since that ETag (412).</exception>
    public static void EnsureMatch(Application application, int? ifMatch)
    {
        if (ifMatch is null)
        {
            throw new PreconditionRequiredException(
                "Changes of a case need an If-Match header with the ETag of the case as you last read it (GET /api/v1/cases/{id}).");
        }

        if (ifMatch != application.Revision)
        {
            var stale = new PreconditionFailedException("The case changed since you read it; read it again, check the change, then retry.");
            stale.Extensions["currentETag"] = CaseDetails.ETagOf(application);
            throw stale;
        }
    }

    /// <summary>Saves a change; a concurrent change that won first makes this one fail with 412.</summary>
    /// <exception cref="PreconditionFailedException">The case was changed at the same time.</exception>
    public static async Task SaveChangeAsync(FormsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The row version moved on, or the other change took the next history sequence first.
            throw new PreconditionFailedException("The case was changed by someone else at the same time; read it again, check the change, then retry.");
        }
    }

    /// <summary>A change answers with the whole case: that is a read of its personal data too (saved with the change).</summary>
    public static void LogRead(FormsDbContext db, Application application, Caseworker caseworker, TimeProvider time) =>
        db.CaseAccessLog.Add(CaseAccessLogEntry.Create(application.Id, caseworker.Actor, "case", time.GetUtcNow()));

    /// <summary>Logs and saves a read of <paramref name="resource"/> (<c>case</c>, <c>history</c>, <c>attachment:{id}</c>, …).</summary>
    public static async Task LogReadAsync(
        FormsDbContext db, Application application, Caseworker caseworker, TimeProvider time, string resource, CancellationToken cancellationToken)
    {
        db.CaseAccessLog.Add(CaseAccessLogEntry.Create(application.Id, caseworker.Actor, resource, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
