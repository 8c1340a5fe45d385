using Mediator;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// Cross-module query (Payments): the fee a submitted application owes, as its form version
/// declares it. Answers null when there is no such submitted application of
/// <see cref="ApplicantSubject"/> (or it is withdrawn), so nobody learns of others' applications.
/// </summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="ApplicantSubject">OIDC <c>sub</c> of the caller; must be the applicant.</param>
public sealed record GetApplicationFeeQuery(Guid ApplicationId, string ApplicantSubject) : IQuery<ApplicationFee?>;

/// <summary>What an application owes.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="ReferenceNumber">Its reference number, e.g. <c>EGOV-2026-000042</c> (the payment's purpose line).</param>
/// <param name="FormKey">Key of the form, e.g. <c>bewohnerparkausweis</c>.</param>
/// <param name="Department">Code of the responsible department, e.g. <c>public-order</c>.</param>
/// <param name="Title">The form's title in German (the line item on the payment page).</param>
/// <param name="AmountCents">The fee in euro cents (integer); 0 when the form is free of charge.</param>
public sealed record ApplicationFee(Guid ApplicationId, string ReferenceNumber, string FormKey, string Department, string Title, long AmountCents);
