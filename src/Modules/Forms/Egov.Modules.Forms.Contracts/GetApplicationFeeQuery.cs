using Mediator;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// Cross-module query (Payments): the fee an application owes, as its form version declares it
/// (fixed, or computed from the application's data). Answers for a submitted application, and for a
/// draft when its form version asks for payment before submission. Answers null when there is no
/// such application of <see cref="ApplicantSubject"/> (or it is withdrawn, or a draft that is not
/// paid before submission), so nobody learns of others' applications.
/// </summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="ApplicantSubject">OIDC <c>sub</c> of the caller; must be the applicant.</param>
public sealed record GetApplicationFeeQuery(Guid ApplicationId, string ApplicantSubject) : IQuery<ApplicationFee?>;

/// <summary>What an application owes.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="ReferenceNumber">Its reference number, e.g. <c>EGOV-2026-000042</c> (the payment's purpose line); null for a draft (given at submission).</param>
/// <param name="FormKey">Key of the form, e.g. <c>bewohnerparkausweis</c>.</param>
/// <param name="Department">Code of the responsible department, e.g. <c>public-order</c>.</param>
/// <param name="Title">The form's title in German (the line item on the payment page).</param>
/// <param name="AmountCents">The fee in euro cents (integer, EUR) for the application's data as it is now; 0 when the form is free of charge.</param>
/// <param name="PayBeforeSubmission">True when the form version asks for payment before submission (<c>fee.payment: beforeSubmission</c>).</param>
public sealed record ApplicationFee(Guid ApplicationId, string? ReferenceNumber, string FormKey, string Department, string Title, long AmountCents, bool PayBeforeSubmission = false);
