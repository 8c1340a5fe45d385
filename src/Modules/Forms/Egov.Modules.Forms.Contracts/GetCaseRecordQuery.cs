using Mediator;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// Cross-module query: the record of one submitted application as a specialist system or the
/// e-file receives it (hand-off, xdomea export) — its facts, the data as the citizen submitted it,
/// and its documents. Answers null when there is no submitted application with that id (a draft
/// is never handed off). Takes no caller: the asking module authorises its own callers.
/// </summary>
/// <param name="ApplicationId">Id of the application (and of its case).</param>
/// <param name="IncludeContent">Whether <see cref="CaseDocument.Content"/> carries the bytes (false: metadata only).</param>
public sealed record GetCaseRecordQuery(Guid ApplicationId, bool IncludeContent) : IQuery<CaseRecord?>;

/// <summary>One submitted application with its documents.</summary>
/// <param name="ApplicationId">Id of the application.</param>
/// <param name="ReferenceNumber">The reference number (Aktenzeichen), e.g. <c>EGOV-2026-000042</c>.</param>
/// <param name="FormId">Id of the form definition.</param>
/// <param name="FormKey">Key of the form, e.g. <c>hundesteuer-anmeldung</c>.</param>
/// <param name="FormVersion">Version number the application was filed against.</param>
/// <param name="FormTitle">The form's title in German and English.</param>
/// <param name="Department">Code of the responsible department, e.g. <c>finance</c>.</param>
/// <param name="Status">Current status: one of <see cref="ApplicationStatuses"/>.</param>
/// <param name="SubmittedAt">Submission instant (UTC).</param>
/// <param name="DecidedAt">Decision instant (UTC), or null while undecided.</param>
/// <param name="ApplicantSubject">OIDC <c>sub</c> of the applicant.</param>
/// <param name="ApplicantName">The applicant's display name at submission, if the identity provider gave one.</param>
/// <param name="ApplicantLanguage"><c>de</c> or <c>en</c>: the language the applicant submitted in.</param>
/// <param name="DataJson">The form data as submitted: a JSON object (UTF-8 text), validated against the form version's JSON Schema.</param>
/// <param name="Documents">The receipt first, then the attachments in upload order, then the decision notices in the order issued.</param>
public sealed record CaseRecord(
    Guid ApplicationId,
    string ReferenceNumber,
    Guid FormId,
    string FormKey,
    int FormVersion,
    FormText FormTitle,
    string Department,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    string ApplicantSubject,
    string? ApplicantName,
    string ApplicantLanguage,
    string DataJson,
    IReadOnlyList<CaseDocument> Documents);

/// <summary>One document of a case.</summary>
/// <param name="Id">Stable id of the document: the application id for the receipt, the attachment id for an attachment.</param>
/// <param name="Kind">One of <see cref="CaseDocumentKinds"/>; receivers should accept kinds they do not know yet.</param>
/// <param name="FileName">The file name as uploaded (attachments; may hold any characters a citizen typed) or made (receipt, e.g. <c>EGOV-2026-000042.pdf</c>).</param>
/// <param name="MediaType">The media type, e.g. <c>application/pdf</c>.</param>
/// <param name="SizeBytes">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes, lower-case hex.</param>
/// <param name="CreatedAt">When the document was made or uploaded (UTC).</param>
/// <param name="Content">The bytes when the query asked for them, else null.</param>
public sealed record CaseDocument(
    Guid Id, string Kind, string FileName, string MediaType, long SizeBytes, string Sha256, DateTimeOffset CreatedAt, byte[]? Content)
{
    /// <summary>
    /// What a decision notice (<see cref="CaseDocumentKinds.DecisionNotice"/>) decided; null for every other kind.
    /// Its id is the notice id, <see cref="CreatedAt"/> the instant it was issued, <see cref="Sha256"/> its fingerprint
    /// (the one the applicant's download and the staff page show).
    /// </summary>
    public CaseDecisionNotice? DecisionNotice { get; init; }
}

/// <summary>A decision notice (Bescheid) as a document of the case record.</summary>
/// <param name="Number">Its place among the case's notices, 1 for the first issued (a case may get a second notice after a remedy).</param>
/// <param name="Kind"><c>approval</c>, <c>partial</c> or <c>rejection</c>.</param>
/// <param name="Title">The notice's heading as printed, e.g. „Ablehnung Ihres Antrags auf einen Bewohnerparkausweis“.</param>
/// <param name="IssuedAt">When it was issued (UTC); the notice is dated this instant's day in Europe/Berlin.</param>
public sealed record CaseDecisionNotice(int Number, string Kind, string Title, DateTimeOffset IssuedAt);

/// <summary>The kinds of document a <see cref="CaseRecord"/> holds.</summary>
public static class CaseDocumentKinds
{
    /// <summary>The receipt (Eingangsbestätigung) PDF, which also prints the submitted data.</summary>
    public const string Receipt = "receipt";

    /// <summary>A file the applicant uploaded (with the application or answering an information request).</summary>
    public const string Attachment = "attachment";

    /// <summary>A written decision (Bescheid) as issued, PDF; <see cref="CaseDocument.DecisionNotice"/> says what it decided.</summary>
    public const string DecisionNotice = "decision-notice";
}
