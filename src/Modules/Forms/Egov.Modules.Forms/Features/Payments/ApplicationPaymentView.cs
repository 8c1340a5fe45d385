using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Forms.Features.Payments;

/// <summary>The latest payment of an application's fee as the Payments module reported it.</summary>
/// <param name="PaymentId">The payment (Payments module).</param>
/// <param name="State">One of <c>Open</c>, <c>Paid</c>, <c>Failed</c>, <c>Cancelled</c>, <c>Expired</c>, <c>Refunded</c>.</param>
/// <param name="AmountCents">Amount in euro cents (integer).</param>
/// <param name="Currency">Always <c>EUR</c>.</param>
/// <param name="ProviderReference">The provider's reference of the money movement (Stripe: <c>pi_…</c>), once paid.</param>
/// <param name="PaidAt">When the provider confirmed the payment (UTC).</param>
/// <param name="PaidAtLocal">The same instant in Europe/Berlin.</param>
/// <param name="ConfirmationUrl">
/// Where the caller downloads the payment confirmation (Zahlungsbestätigung, application/pdf) of a fee paid after submission,
/// relative to the site; null before it is issued and for a fee paid before submission, which the receipt shows (ADR 0028).
/// </param>
internal sealed record ApplicationPaymentView(
    Guid PaymentId, string State, long AmountCents, string Currency, string? ProviderReference, DateTimeOffset? PaidAt, DateTimeOffset? PaidAtLocal,
    string? ConfirmationUrl = null)
{
    public static ApplicationPaymentView? Of(Application application) =>
        application is { PaymentId: { } id, PaymentState: { } state }
            ? new(id, state, application.PaymentAmountCents ?? 0, "EUR", application.PaymentReference, application.PaymentPaidAt,
                application.PaymentPaidAt is { } paid ? CivilTime.ToBerlin(paid) : null)
            : null;
}
