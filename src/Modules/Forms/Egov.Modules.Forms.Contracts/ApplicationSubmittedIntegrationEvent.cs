using Egov.SharedKernel.Outbox;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// A citizen submitted an online application; it is now a case of the form's responsible
/// department. Delivered at least once: handlers deduplicate on <see cref="EventId"/>.
/// Carries no personal data beyond the applicant's subject identifier.
/// </summary>
/// <param name="EventId">Unique id of this occurrence.</param>
/// <param name="OccurredAt">Submission instant (UTC).</param>
/// <param name="ApplicationId">Id of the application.</param>
/// <param name="ReferenceNumber">The reference number (Aktenzeichen) shown to the citizen, e.g. <c>EGOV-2026-000042</c>.</param>
/// <param name="FormId">Id of the form definition.</param>
/// <param name="FormVersion">Version number the application was filed against.</param>
/// <param name="ApplicantSubject">OIDC <c>sub</c> of the applicant at their identity provider.</param>
public sealed record ApplicationSubmittedIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ApplicationId,
    string ReferenceNumber,
    Guid FormId,
    int FormVersion,
    string ApplicantSubject) : IIntegrationEvent;
