using Mediator;

namespace Egov.Modules.Payments.Contracts;

/// <summary>
/// Cross-module query (Forms, before submitting an application whose form version asks for payment
/// before submission): the application's live fee payment — the paid one, else the open one — or
/// null when there is none (never started, or only failed, cancelled or expired attempts).
/// </summary>
/// <param name="ApplicationId">The application.</param>
public sealed record GetFeePaymentQuery(Guid ApplicationId) : IQuery<FeePaymentStatus?>;

/// <summary>An application's live fee payment.</summary>
/// <param name="PaymentId">The payment.</param>
/// <param name="State"><see cref="PaymentStates.Paid"/> or <see cref="PaymentStates.Open"/>.</param>
/// <param name="AmountCents">The amount in euro cents (integer, EUR) the payment is for.</param>
/// <param name="Provider">The payment provider, e.g. <c>stripe</c>.</param>
/// <param name="ProviderReference">The provider's reference of the money movement (Stripe: the PaymentIntent id <c>pi_…</c>); null while open.</param>
/// <param name="PaidAt">When the provider confirmed the payment (UTC); null while open.</param>
public sealed record FeePaymentStatus(Guid PaymentId, string State, long AmountCents, string Provider, string? ProviderReference, DateTimeOffset? PaidAt);
