using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Features.Providers;
using Egov.Modules.Payments.Persistence;

namespace Egov.Modules.Payments.Features.Refunds;

/// <summary>Asks the provider to pay an approved refund back and books it on the payment.</summary>
internal sealed class RefundExecution(PaymentsDbContext db, IPaymentProvider provider, TimeProvider time)
{
    /// <summary>
    /// The refund is stored (approved) before the provider is called, and the refund id is the
    /// call's idempotency key: when the answer is lost, approving again repeats the call and the
    /// provider answers with the same refund instead of paying back twice.
    /// </summary>
    /// <exception cref="PaymentProviderException">The provider refused; the refund stays approved and can be run again.</exception>
    public async Task ExecuteAsync(Payment payment, Refund refund, CancellationToken cancellationToken)
    {
        var providerRefundId = await provider.RefundAsync(payment.ProviderReference!, refund.AmountCents, refund.Id, cancellationToken);
        var now = time.GetUtcNow();
        refund.Executed(providerRefundId, now);
        db.AddIntegrationEvent(payment.Refunded(now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
