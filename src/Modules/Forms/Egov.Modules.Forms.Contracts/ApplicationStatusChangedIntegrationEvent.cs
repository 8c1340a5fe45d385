using Egov.SharedKernel.Outbox;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// The status of a submitted application changed (a case transition, a withdrawal). Raised through
/// the outbox in the same transaction as the change; delivered at least once, so handlers
/// deduplicate on <see cref="EventId"/>. Carries no personal data beyond the applicant's subject
/// identifier: handlers that need more (e.g. an e-mail address) read it where it is owned.
/// </summary>
/// <param name="EventId">Unique id of this occurrence.</param>
/// <param name="OccurredAt">Instant of the change (UTC).</param>
/// <param name="ApplicationId">Id of the application (and of its case).</param>
/// <param name="ReferenceNumber">The reference number (Aktenzeichen), e.g. <c>EGOV-2026-000042</c>.</param>
/// <param name="FormKey">Key of the form, e.g. <c>bewohnerparkausweis</c>.</param>
/// <param name="PreviousStatus">Status before the change: one of <see cref="ApplicationStatuses"/>.</param>
/// <param name="Status">Status after the change: one of <see cref="ApplicationStatuses"/>.</param>
/// <param name="ApplicantSubject">OIDC <c>sub</c> of the applicant at their identity provider.</param>
/// <param name="Sequence">Position of the change in the case's history (1, 2, …); orders changes of one case.</param>
public sealed record ApplicationStatusChangedIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string ReferenceNumber,
    string FormKey,
    string PreviousStatus,
    string Status,
    string ApplicantSubject,
    int Sequence) : IIntegrationEvent;

/// <summary>The status names an application passes through after submission, as the events carry them.</summary>
public static class ApplicationStatuses
{
    /// <summary>Filed (Eingegangen); waiting for a caseworker.</summary>
    public const string Submitted = "Submitted";

    /// <summary>A caseworker is working on it (In Bearbeitung).</summary>
    public const string InReview = "InReview";

    /// <summary>The city asked the applicant for documents or data (Nachforderung); the deadline clock stops.</summary>
    public const string InformationRequested = "InformationRequested";

    /// <summary>Decided in the applicant's favour (Bewilligt).</summary>
    public const string Approved = "Approved";

    /// <summary>Decided against the applicant, with a reason (Abgelehnt).</summary>
    public const string Rejected = "Rejected";

    /// <summary>Taken back by the applicant before a decision (Zurückgezogen).</summary>
    public const string Withdrawn = "Withdrawn";

    /// <summary>Filed away after a decision or withdrawal (Abgeschlossen).</summary>
    public const string Closed = "Closed";
}
