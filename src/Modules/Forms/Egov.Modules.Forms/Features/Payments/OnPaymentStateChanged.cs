using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.Modules.Payments.Contracts;
using Egov.SharedKernel.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Payments;

/// <summary>
/// The Payments module changed the state of an application's fee payment: the application records
/// it, so the receipt page, the case and the worklist's <c>payment</c> filter show it. Late events
/// (older than the recorded state) change nothing. A payment reported paid after submission, that
/// the receipt therefore cannot show, gets a payment confirmation in the same transaction (ADR 0028).
/// </summary>
internal sealed class PaymentStateChangedHandler(FormsDbContext db, PaymentConfirmationIssuer confirmations, TimeProvider time)
    : IntegrationEventHandler<PaymentStateChangedIntegrationEvent, FormsDbContext>(db, time)
{
    protected override async ValueTask HandleAsync(PaymentStateChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var application = await Db.Applications.FirstOrDefaultAsync(a => a.Id == integrationEvent.ApplicationId, cancellationToken);
        if (application is null)
        {
            return;
        }

        application.RecordPayment(
            integrationEvent.PaymentId, integrationEvent.State, integrationEvent.AmountCents, integrationEvent.ProviderReference,
            integrationEvent.PaidAt, integrationEvent.OccurredAt);
        if (integrationEvent.State == PaymentStates.Paid && integrationEvent.PaidAt is { } paidAt)
        {
            // Issued even when the event is late (a refund was recorded first): the money did move then.
            var paid = new PaidFee(integrationEvent.PaymentId, integrationEvent.AmountCents, integrationEvent.Provider, integrationEvent.ProviderReference, paidAt);
            await confirmations.IssueIfDueAsync(application, paid, Time.GetUtcNow(), cancellationToken);
        }
    }
}
