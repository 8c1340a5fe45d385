using Egov.Modules.Forms.Contracts;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>
/// An application was submitted: payments made before submission (their form version asks for it)
/// had no reference number yet; they get it now, so the treasury report names the purpose.
/// </summary>
internal sealed class ApplicationSubmittedHandler(PaymentsDbContext db, TimeProvider time)
    : IntegrationEventHandler<ApplicationSubmittedIntegrationEvent, PaymentsDbContext>(db, time)
{
    protected override async ValueTask HandleAsync(ApplicationSubmittedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var payments = await Db.Payments.Where(p => p.ApplicationId == integrationEvent.ApplicationId && p.ReferenceNumber == "").ToListAsync(cancellationToken);
        foreach (var payment in payments)
        {
            payment.Submitted(integrationEvent.ReferenceNumber, integrationEvent.OccurredAt);
        }
    }
}
