using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Payments;

/// <summary>
/// The fee of a submitted application, from the form version it was filed against (the fee is
/// declared per version: <c>fee.amountEur</c>, at most two decimals, turned into integer cents here).
/// </summary>
internal sealed class GetApplicationFeeHandler(FormsDbContext db) : IQueryHandler<GetApplicationFeeQuery, ApplicationFee?>
{
    public async ValueTask<ApplicationFee?> Handle(GetApplicationFeeQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.Id == query.ApplicationId && a.ApplicantSubject == query.ApplicantSubject && a.SubmittedAt != null)
            .Select(a => new { a.Id, a.ReferenceNumber, a.FormKey, a.FormId, a.FormVersion, a.Department, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null || application.Status == ApplicationStatus.Withdrawn)
        {
            return null;
        }

        var version = await db.FormVersions.AsNoTracking()
            .FirstAsync(v => v.FormDefinitionId == application.FormId && v.Number == application.FormVersion, cancellationToken);
        var cents = decimal.ToInt64(decimal.Round(version.Content.FeeAmountEur * 100m, 0, MidpointRounding.AwayFromZero));
        return new ApplicationFee(application.Id, application.ReferenceNumber!, application.FormKey, application.Department ?? "", version.Content.Title.De, cents);
    }
}
