using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Payments;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>An application as its applicant sees it.</summary>
/// <param name="Id">Application id.</param>
/// <param name="FormId">Id of the form.</param>
/// <param name="FormKey">Key of the form, e.g. <c>hundesteuer-anmeldung</c>.</param>
/// <param name="FormVersion">The form version it is filed against.</param>
/// <param name="Status"><c>Draft</c>, then the case's status: <c>Submitted</c>, <c>InReview</c>, <c>InformationRequested</c>, <c>Approved</c>, <c>Rejected</c>, <c>Withdrawn</c>, <c>Closed</c>.</param>
/// <param name="ReferenceNumber">Aktenzeichen once submitted.</param>
/// <param name="Data">The form data (after submission: as filed, hidden sections dropped).</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="UpdatedAt">UTC.</param>
/// <param name="WithdrawnAt">UTC.</param>
/// <param name="Attachments">The uploaded files (without content).</param>
/// <param name="SubmittedAt">Submission instant, UTC.</param>
/// <param name="SubmittedAtLocal">The same instant in Europe/Berlin with its offset, as shown to people.</param>
/// <param name="Case">After submission: where the case stands, its public history, information requests and messages.</param>
/// <param name="Receipt">After submission: where to download the receipt and what verifies it (null before, and for applications submitted before receipts existed).</param>
/// <param name="Payment">The latest payment of the fee (null when none was started): state, amount, provider reference, time.</param>
internal sealed record ApplicationResponse(
    Guid Id,
    Guid FormId,
    string FormKey,
    int FormVersion,
    string Status,
    string? ReferenceNumber,
    JsonElement Data,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? SubmittedAtLocal,
    DateTimeOffset? WithdrawnAt,
    IReadOnlyList<AttachmentResponse> Attachments,
    ApplicationCaseView? Case,
    ApplicationReceiptLink? Receipt,
    ApplicationPaymentView? Payment)
{
    public static ApplicationResponse From(
        Application application, IReadOnlyList<AttachmentResponse> attachments, ApplicationCaseView? caseView, ApplicationReceiptLink? receipt = null)
    {
        using var data = JsonDocument.Parse(application.Data);
        return new(
            application.Id, application.FormId, application.FormKey, application.FormVersion, application.Status.ToString(),
            application.ReferenceNumber, data.RootElement.Clone(), application.CreatedAt, application.UpdatedAt,
            application.SubmittedAt, application.SubmittedAt is { } at ? CivilTime.ToBerlin(at) : null,
            application.WithdrawnAt,
            attachments,
            caseView,
            receipt,
            ApplicationPaymentView.Of(application));
    }
}

/// <summary>
/// The receipt (Eingangsbestätigung) of a submitted application. Its fingerprint and verification
/// are valid from the moment of the submission's answer; the PDF is ready moments later (a download
/// before that renders it on the spot and answers it all the same).
/// </summary>
/// <param name="Url">The applicant's download, relative to the API's origin: <c>/api/v1/applications/{id}/receipt</c> (application/pdf).</param>
/// <param name="Fingerprint">SHA-256 of the frozen submission's canonical JSON (RFC 8785), 64 lowercase hex digits, as printed.</param>
/// <param name="VerificationUrl">The public verification address printed on the receipt and in its QR code (null for receipts issued before it was stored).</param>
internal sealed record ApplicationReceiptLink(string Url, string Fingerprint, string? VerificationUrl)
{
    public static ApplicationReceiptLink For(Guid applicationId, string fingerprint, string? verificationUrl) =>
        new($"/api/v1/applications/{applicationId}/receipt", fingerprint, verificationUrl);
}

/// <summary>An application in the applicant's list: status, form, reference and dates, without data.</summary>
internal sealed record ApplicationSummary(
    Guid Id, string FormKey, int FormVersion, string Status, string? ReferenceNumber, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt);

/// <summary>An uploaded file.</summary>
/// <param name="Id">The file's id.</param>
/// <param name="Slot">The attachment slot it was uploaded into.</param>
/// <param name="FileName">The sanitised file name.</param>
/// <param name="MediaType">Detected from the bytes.</param>
/// <param name="SizeBytes">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex.</param>
/// <param name="UploadedAt">UTC.</param>
/// <param name="Scan">The malware scan: <c>Clean</c>; <c>Pending</c> (held until the scanner is back; the city does not see it yet);
/// <c>Infected</c> (removed; <paramref name="ScanSignature"/> names what was found); <c>Unscanned</c> (no scanner configured).</param>
/// <param name="ScanSignature">The signature found, for <c>Infected</c> files only.</param>
internal sealed record AttachmentResponse(
    Guid Id, string Slot, string FileName, string MediaType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string Scan, string? ScanSignature)
{
    public static AttachmentResponse From(Attachment attachment) => new(
        attachment.Id, attachment.Slot, attachment.FileName, attachment.MediaType, attachment.SizeBytes, attachment.Sha256, attachment.UploadedAt,
        attachment.ScanStatus.ToString(), attachment.ScanSignature);
}

/// <summary>The applicant's view of their case.</summary>
/// <param name="DueAt">When the decision is due (UTC); moves on by the time an information request was open.</param>
/// <param name="DecidedAt">UTC, once approved or rejected.</param>
/// <param name="DecisionReason">The reason given with the decision.</param>
/// <param name="History">Status changes, oldest first (internal steps such as assignments are left out).</param>
/// <param name="InformationRequests">What the city asked for; answer the <c>Open</c> one.</param>
/// <param name="Messages">The thread with the caseworkers (internal notes are never shown).</param>
/// <param name="DecisionNotices">The written decisions (Bescheide), oldest first; download each at its <c>url</c>.</param>
internal sealed record ApplicationCaseView(
    DateTimeOffset? DueAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    IReadOnlyList<ApplicationHistoryEntry> History,
    IReadOnlyList<Cases.InformationRequestResponse> InformationRequests,
    IReadOnlyList<Cases.CaseMessageResponse> Messages,
    IReadOnlyList<Cases.DecisionNoticeResponse> DecisionNotices);

/// <summary>A status change as the applicant sees it: when, from what to what, whether they made it, and why.</summary>
/// <param name="Sequence">1, 2, … in order.</param>
/// <param name="OccurredAt">UTC.</param>
/// <param name="FromStatus">Status before.</param>
/// <param name="ToStatus">Status after.</param>
/// <param name="ByApplicant">True when the applicant made the change.</param>
/// <param name="Reason">The city's reason (rejection, information request), when given.</param>
/// <param name="DecisionNoticeId">For a decision issued with a written notice: the notice (in <c>decisionNotices</c>).</param>
internal sealed record ApplicationHistoryEntry(int Sequence, DateTimeOffset OccurredAt, string FromStatus, string ToStatus, bool ByApplicant, string? Reason, Guid? DecisionNoticeId = null);
