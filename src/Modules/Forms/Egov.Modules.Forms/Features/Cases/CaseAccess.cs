using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>The one access rule of the case API: a submitted application of one of the caller's departments (Administrators: any).</summary>
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
}
