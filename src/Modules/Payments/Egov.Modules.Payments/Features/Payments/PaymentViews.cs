using Egov.Modules.Payments.Domain;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>A payment as the citizen and staff see it.</summary>
/// <param name="Id">Payment id.</param>
/// <param name="ApplicationId">The application whose fee it pays.</param>
/// <param name="ReferenceNumber">The application's reference number.</param>
/// <param name="State"><c>Open</c>, <c>Paid</c>, <c>Failed</c>, <c>Cancelled</c>, <c>Expired</c> or <c>Refunded</c>.</param>
/// <param name="AmountCents">Euro cents (integer): 3070 is 30,70 EUR.</param>
/// <param name="Currency">Always <c>EUR</c>.</param>
/// <param name="Provider">E.g. <c>stripe</c>.</param>
/// <param name="CheckoutUrl">While open: the provider's hosted page to send the browser to.</param>
/// <param name="ProviderReference">The provider's reference of the money movement (Stripe: <c>pi_…</c>), once paid.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="PaidAt">When the provider confirmed the payment (UTC).</param>
/// <param name="PaidAtLocal">The same instant in Europe/Berlin.</param>
/// <param name="RefundedAt">UTC.</param>
/// <param name="Flag"><c>AmountMismatch</c> or <c>SecondPayment</c> when the provider reported something not booked; null otherwise.</param>
/// <param name="CanRetry">True when the citizen may start a new payment (the last one failed, was cancelled or expired).</param>
internal sealed record PaymentResponse(
    Guid Id,
    Guid ApplicationId,
    string ReferenceNumber,
    string State,
    long AmountCents,
    string Currency,
    string Provider,
    Uri? CheckoutUrl,
    string? ProviderReference,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? PaidAtLocal,
    DateTimeOffset? RefundedAt,
    string? Flag,
    bool CanRetry)
{
    public static PaymentResponse From(Payment p) => new(
        p.Id, p.ApplicationId, p.ReferenceNumber, p.State.ToString(), p.AmountCents, p.Currency, p.Provider,
        p.State == PaymentState.Open && p.CheckoutUrl is { } url ? new Uri(url) : null,
        p.ProviderReference, p.CreatedAt, p.PaidAt, p.PaidAt is { } paid ? CivilTime.ToBerlin(paid) : null, p.RefundedAt, p.Flag,
        p.State is PaymentState.Failed or PaymentState.Cancelled or PaymentState.Expired);
}

/// <summary>A refund as staff see it.</summary>
/// <param name="Id">Refund id.</param>
/// <param name="PaymentId">The refunded payment.</param>
/// <param name="AmountCents">Euro cents (the whole payment).</param>
/// <param name="Reason">Why.</param>
/// <param name="Status"><c>AwaitingApproval</c>, <c>Approved</c> (provider not yet confirmed) or <c>Executed</c>.</param>
/// <param name="RequestedByName">The caseworker who asked for it.</param>
/// <param name="RequestedAt">UTC.</param>
/// <param name="ApprovedByName">The second caseworker, when approval was needed.</param>
/// <param name="ProviderRefundId">The provider's refund id (Stripe: <c>re_…</c>).</param>
/// <param name="ExecutedAt">UTC.</param>
internal sealed record RefundResponse(
    Guid Id, Guid PaymentId, long AmountCents, string Reason, string Status, string RequestedByName, DateTimeOffset RequestedAt,
    string? ApprovedByName, string? ProviderRefundId, DateTimeOffset? ExecutedAt)
{
    public static RefundResponse From(Refund r) =>
        new(r.Id, r.PaymentId, r.AmountCents, r.Reason, r.Status.ToString(), r.RequestedByName, r.RequestedAt, r.ApprovedByName, r.ProviderRefundId, r.ExecutedAt);
}
