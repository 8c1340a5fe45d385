using Egov.Modules.Forms.Persistence;
using Egov.Modules.Payments.Contracts;
using Egov.SharedKernel.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Payments;

/// <summary>
/// The Payments module changed the state of an application's fee payment: the application records
/// it, so the receipt page, the case and the worklist's <c>payment</c> filter show it. Late events
/// (older than the recorded state) change nothing.
/// </summary>
internal sealed class PaymentStateChangedHandler(FormsDbContext db, TimeProvider time)
    : IntegrationEventHandler<PaymentStateChangedIntegrationEvent, FormsDbContext>(db, time)
{
    protected override async ValueTask HandleAsync(PaymentStateChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var application = await Db.Applications.FirstOrDefaultAsync(a => a.Id == integrationEvent.ApplicationId, cancellationToken);
        application?.RecordPayment(
            integrationEvent.PaymentId, integrationEvent.State, integrationEvent.AmountCents, integrationEvent.ProviderReference,
            integrationEvent.PaidAt, integrationEvent.OccurredAt);
    }
}
