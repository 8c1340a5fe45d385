using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// The access rules of the applicant's side: a citizen reaches only their own applications (others'
/// are reported missing, not forbidden), with the assurance level the form needs; a change to their
/// case loses against a caseworker's change at the same time.
/// </summary>
internal static class ApplicantAccess
{
    /// <summary>The caller's own application; someone else's is reported as missing, not forbidden.</summary>
    public static async Task<Application> OwnAsync(this FormsDbContext db, Applicant applicant, Guid id, CancellationToken cancellationToken) =>
        await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.ApplicantSubject == applicant.Subject, cancellationToken)
        ?? throw new NotFoundException($"There is no application {id}.");

    /// <summary>The caller's own submitted application; anything else is reported missing.</summary>
    public static async Task<Application> OwnCaseAsync(this FormsDbContext db, Applicant applicant, Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.ApplicantSubject == applicant.Subject, cancellationToken)
            ?? throw new NotFoundException($"There is no application {id}.");
        return application.IsSubmitted
            ? application
            : throw new ConflictException("The application is a draft; submit it first.");
    }

    /// <summary>eIDAS levels are ordered: basic &lt; substantial &lt; high.</summary>
    public static void EnsureAssurance(FormVersion version, Applicant applicant)
    {
        var required = version.Content.RequiredAssuranceLevel;
        if (AssuranceLevels.Rank(applicant.AssuranceLevel) < AssuranceLevels.Rank(required))
        {
            throw new ForbiddenException(
                $"This form needs the assurance level '{required}'; you signed in with '{applicant.AssuranceLevel ?? "none"}'. " +
                "Sign in again with a stronger means of identification (e.g. the online ID card).");
        }
    }

    /// <summary>Saves a change the applicant made to their case; a caseworker's change at the same time wins.</summary>
    /// <exception cref="ConflictException">The case changed at the same time.</exception>
    public static async Task SaveCaseChangeAsync(this FormsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The row version moved on, or the other change took the next history sequence first.
            throw new ConflictException("The application was changed at the same time; read it again and retry.");
        }
    }
}
