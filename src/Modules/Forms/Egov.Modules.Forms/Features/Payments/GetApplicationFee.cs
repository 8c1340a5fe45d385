using System.Text.Json.Nodes;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Payments;

/// <summary>
/// The fee of an application, from the form version it is filed against (<c>fee.amountEur</c> plus
/// <c>fee.perField</c> computed from the data, <see cref="FeeRule"/>, in integer cents). A draft
/// has a fee to pay only when its version asks for payment before submission.
/// </summary>
internal sealed class GetApplicationFeeHandler(FormsDbContext db) : IQueryHandler<GetApplicationFeeQuery, ApplicationFee?>
{
    public async ValueTask<ApplicationFee?> Handle(GetApplicationFeeQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.Id == query.ApplicationId && a.ApplicantSubject == query.ApplicantSubject)
            .Select(a => new { a.Id, a.ReferenceNumber, a.FormKey, a.FormId, a.FormVersion, a.Department, a.Status, a.SubmittedAt, a.Data })
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null || application.Status == ApplicationStatus.Withdrawn)
        {
            return null;
        }

        var version = await db.FormVersions.AsNoTracking()
            .FirstAsync(v => v.FormDefinitionId == application.FormId && v.Number == application.FormVersion, cancellationToken);
        var before = version.Content.FeePayment == FeePayment.BeforeSubmission;
        if (application.SubmittedAt is null && !before)
        {
            return null;
        }

        var cents = FeeRule.Cents(version.Content, JsonNode.Parse(application.Data) as JsonObject);
        return new ApplicationFee(
            application.Id, application.ReferenceNumber, application.FormKey, application.Department ?? version.Content.Department, version.Content.Title.De, cents, before);
    }
}
