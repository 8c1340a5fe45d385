using Mediator;

namespace Egov.Modules.Payments.Contracts;

/// <summary>
/// Cross-module request (the portal's application page): start, resume or retry paying the fee of
/// the applicant's submitted application. Idempotent while a payment is open (the same page again).
/// </summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="ApplicantSubject">OIDC <c>sub</c> of the caller; must be the applicant.</param>
/// <remarks>
/// Errors (as problem exceptions of the kernel): 404 no such submitted application of the caller,
/// 409 the fee is paid already, 422 the form is free of charge or online payment is not configured here, 502 the provider did not answer.
/// </remarks>
public sealed record StartFeePaymentCommand(Guid ApplicationId, string ApplicantSubject) : ICommand<FeePaymentPage>;

/// <summary>Where to send the citizen's browser to pay.</summary>
/// <param name="PaymentId">The open payment.</param>
/// <param name="CheckoutUrl">The provider's hosted payment page.</param>
/// <param name="AmountCents">The amount in euro cents.</param>
public sealed record FeePaymentPage(Guid PaymentId, Uri CheckoutUrl, long AmountCents);
