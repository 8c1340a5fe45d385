using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Payments;
using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>A case in the worklist: no form data, only what a caseworker sorts and picks by.</summary>
/// <param name="Id">Case id (= application id).</param>
/// <param name="ReferenceNumber">Aktenzeichen, e.g. <c>EGOV-2026-000042</c>.</param>
/// <param name="FormKey">Form key.</param>
/// <param name="Department">Responsible department code.</param>
/// <param name="Status">Current status.</param>
/// <param name="ApplicantName">The applicant's name as given by their identity provider.</param>
/// <param name="AssigneeSubject">Assigned caseworker's <c>sub</c>, or null.</param>
/// <param name="AssigneeName">Assigned caseworker's name, or null.</param>
/// <param name="SubmittedAt">UTC.</param>
/// <param name="DueAt">When the decision is due (UTC); moves on while information was requested.</param>
/// <param name="Overdue">Due in the past while the city has the case.</param>
/// <param name="PaymentState">State of the latest fee payment (<c>Open</c>, <c>Paid</c>, …), or null when none was started.</param>
internal sealed record CaseSummary(
    Guid Id,
    string ReferenceNumber,
    string FormKey,
    string Department,
    string Status,
    string? ApplicantName,
    string? AssigneeSubject,
    string? AssigneeName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? PaymentState);

/// <summary>A worklist page.</summary>
/// <param name="Items">The cases of this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last one.</param>
/// <param name="Counts">Number of cases per status under the same filters except <c>status</c> (every status present, 0 included).</param>
internal sealed record CaseWorklist(IReadOnlyList<CaseSummary> Items, string? NextCursor, IReadOnlyDictionary<string, int> Counts);

/// <summary>One case as a caseworker sees it. Its <see cref="ETag"/> goes into <c>If-Match</c> of every change.</summary>
/// <param name="Id">Case id (= application id).</param>
/// <param name="ETag">Entity tag of this state, e.g. <c>"7"</c> (also sent as the <c>ETag</c> header).</param>
/// <param name="ReferenceNumber">Aktenzeichen.</param>
/// <param name="FormKey">Form key.</param>
/// <param name="FormVersion">Form version filed against.</param>
/// <param name="Department">Responsible department code.</param>
/// <param name="Status">Current status.</param>
/// <param name="AllowedTransitions">Statuses a caseworker may move it to now.</param>
/// <param name="ApplicantSubject">The applicant's <c>sub</c>.</param>
/// <param name="ApplicantName">The applicant's name.</param>
/// <param name="ApplicantEmail">The applicant's e-mail address.</param>
/// <param name="ApplicantLanguage"><c>de</c> or <c>en</c>.</param>
/// <param name="AssigneeSubject">Assigned caseworker's <c>sub</c>, or null.</param>
/// <param name="AssigneeName">Assigned caseworker's name, or null.</param>
/// <param name="SubmittedAt">UTC.</param>
/// <param name="DueAt">UTC; see <see cref="CaseSummary.DueAt"/>.</param>
/// <param name="Overdue">Due in the past while the city has the case.</param>
/// <param name="ClockStoppedAt">Set while an information request is open: the deadline clock stopped then (UTC).</param>
/// <param name="DecidedAt">UTC, after approval or rejection.</param>
/// <param name="DecisionReason">Reason of the decision, as the applicant reads it.</param>
/// <param name="Data">The form data as filed.</param>
/// <param name="Attachments">Files: at submission and with answers to information requests.</param>
/// <param name="InformationRequests">All information requests, oldest first.</param>
/// <param name="History">The full history, oldest first.</param>
/// <param name="DecisionNotices">The written decisions issued on the case, oldest first.</param>
/// <param name="RetentionDueAt">When the retention job ends the personal data (UTC); null until the case is closed and scheduled.</param>
/// <param name="LegalHold">The legal hold stopping the retention clock, or null.</param>
/// <param name="Payment">The latest payment of the fee, or null when none was started.</param>
internal sealed record CaseDetail(
    Guid Id,
    string ETag,
    string ReferenceNumber,
    string FormKey,
    int FormVersion,
    string Department,
    string Status,
    IReadOnlyList<string> AllowedTransitions,
    string ApplicantSubject,
    string? ApplicantName,
    string? ApplicantEmail,
    string ApplicantLanguage,
    string? AssigneeSubject,
    string? AssigneeName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    DateTimeOffset? ClockStoppedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    JsonElement Data,
    IReadOnlyList<CaseAttachmentResponse> Attachments,
    IReadOnlyList<InformationRequestResponse> InformationRequests,
    IReadOnlyList<CaseHistoryEntryResponse> History,
    IReadOnlyList<DecisionNoticeResponse> DecisionNotices,
    DateTimeOffset? RetentionDueAt,
    CaseLegalHold? LegalHold,
    ApplicationPaymentView? Payment);

/// <summary>A legal hold: since when (UTC) and why.</summary>
internal sealed record CaseLegalHold(DateTimeOffset Since, string Reason);

/// <summary>A file of a case: <see cref="InformationRequestId"/> set when it came with an answer.</summary>
internal sealed record CaseAttachmentResponse(
    Guid Id, string Slot, string FileName, string MediaType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, Guid? InformationRequestId)
{
    public static CaseAttachmentResponse From(Attachment a) =>
        new(a.Id, a.Slot, a.FileName, a.MediaType, a.SizeBytes, a.Sha256, a.UploadedAt, a.InformationRequestId);
}

/// <summary>One history entry. <c>kind</c>: StatusChanged, Assigned or Unassigned.</summary>
/// <param name="Sequence">1, 2, … in the order the changes happened.</param>
/// <param name="OccurredAt">UTC.</param>
/// <param name="Kind">What changed.</param>
/// <param name="FromStatus">For status changes.</param>
/// <param name="ToStatus">For status changes.</param>
/// <param name="ActorName">Who made the change.</param>
/// <param name="ByApplicant">True when the applicant made it.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="AssigneeName">For assignments.</param>
/// <param name="DecisionNoticeId">For a decision issued with a written notice: the notice (in <c>decisionNotices</c>).</param>
internal sealed record CaseHistoryEntryResponse(
    int Sequence,
    DateTimeOffset OccurredAt,
    string Kind,
    string? FromStatus,
    string? ToStatus,
    string ActorName,
    bool ByApplicant,
    string? Reason,
    string? AssigneeName,
    Guid? DecisionNoticeId)
{
    public static CaseHistoryEntryResponse From(CaseHistoryEntry e) => new(
        e.Sequence, e.OccurredAt, e.Kind.ToString(), e.FromStatus?.ToString(), e.ToStatus?.ToString(), e.ActorName, e.ByApplicant, e.Reason, e.AssigneeName, e.DecisionNoticeId);
}

/// <summary>An information request and, once given, its answer.</summary>
/// <param name="Id">Request id.</param>
/// <param name="Message">What is needed.</param>
/// <param name="AnswerBy">Date to answer by (Europe/Berlin calendar date).</param>
/// <param name="RequestedAt">UTC.</param>
/// <param name="RequestedByName">The caseworker who asked.</param>
/// <param name="Status"><c>Open</c>, <c>Answered</c> or <c>Cancelled</c>.</param>
/// <param name="AnsweredAt">UTC.</param>
/// <param name="Answer">The applicant's answer text.</param>
internal sealed record InformationRequestResponse(
    Guid Id, string Message, DateOnly AnswerBy, DateTimeOffset RequestedAt, string RequestedByName, string Status, DateTimeOffset? AnsweredAt, string? Answer)
{
    public static InformationRequestResponse From(InformationRequest r) =>
        new(r.Id, r.Message, r.AnswerBy, r.RequestedAt, r.RequestedByName, r.Status.ToString(), r.AnsweredAt, r.Answer);
}

/// <summary>A message of a case's thread, or an internal note (staff only).</summary>
/// <param name="Id">Message id.</param>
/// <param name="AuthorName">Who wrote it.</param>
/// <param name="FromApplicant">True when the applicant wrote it.</param>
/// <param name="Internal">An internal note: never shown to the applicant.</param>
/// <param name="Body">The text (plain text; at most 5,000 characters).</param>
/// <param name="InformationRequestId">Set when it answers an information request.</param>
/// <param name="CreatedAt">UTC.</param>
internal sealed record CaseMessageResponse(Guid Id, string AuthorName, bool FromApplicant, bool Internal, string Body, Guid? InformationRequestId, DateTimeOffset CreatedAt)
{
    public static CaseMessageResponse From(CaseMessage m) => new(m.Id, m.AuthorName, m.FromApplicant, m.Internal, m.Body, m.InformationRequestId, m.CreatedAt);
}

/// <summary>One read of a case's personal data by staff.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="CaseId">The case read.</param>
/// <param name="ActorSubject">Who read it (<c>sub</c>).</param>
/// <param name="ActorName">Who read it (name).</param>
/// <param name="Resource">What was read: <c>case</c>, <c>history</c>, <c>messages</c>, <c>attachment:{id}</c>.</param>
/// <param name="At">UTC.</param>
internal sealed record CaseAccessLogResponse(Guid Id, Guid CaseId, string ActorSubject, string ActorName, string Resource, DateTimeOffset At);

/// <summary>Turns an application into the caseworker's view of it.</summary>
internal static class CaseDetails
{
    public static string ETagOf(Application application) => $"\"{application.Revision}\"";

    /// <summary>The case with its files, information requests and history, read now.</summary>
    public static async Task<CaseDetail> LoadAsync(FormsDbContext db, Application application, TimeProvider time, CancellationToken cancellationToken)
    {
        // Files held for a scan, or found infected, are never shown to staff.
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.ApplicationId == application.Id && (a.ScanStatus == AttachmentScanStatus.Clean || a.ScanStatus == AttachmentScanStatus.Unscanned))
            .OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ApplicationId == application.Id).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        var history = await db.CaseHistory.AsNoTracking().Where(e => e.ApplicationId == application.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var notices = await DecisionNotices.ListAsync(db, application.Id, $"/api/v1/cases/{application.Id}", cancellationToken);
        var detail = From(application, time.GetUtcNow(), attachments, requests, history, notices);
        return detail with
        {
            Payment = await Payments.PaymentConfirmations.WithConfirmationAsync(db, detail.Payment, $"/api/v1/cases/{application.Id}", cancellationToken),
        };
    }

    public static CaseDetail From(
        Application a,
        DateTimeOffset now,
        IReadOnlyList<Attachment> attachments,
        IReadOnlyList<InformationRequest> requests,
        IReadOnlyList<CaseHistoryEntry> history,
        IReadOnlyList<DecisionNoticeResponse> notices)
    {
        using var data = JsonDocument.Parse(a.Data);
        return new CaseDetail(
            a.Id, ETagOf(a), a.ReferenceNumber!, a.FormKey, a.FormVersion, a.Department ?? "", a.Status.ToString(),
            [.. CaseTransitions.AllowedForStaff(a.Status).Select(s => s.ToString())],
            a.ApplicantSubject, a.ApplicantName, a.ApplicantEmail, a.ApplicantLanguage, a.AssigneeSubject, a.AssigneeName,
            a.SubmittedAt!.Value, a.DueAt, a.IsOverdue(now), a.ClockStoppedAt, a.DecidedAt, a.DecisionReason,
            data.RootElement.Clone(),
            [.. attachments.Select(CaseAttachmentResponse.From)],
            [.. requests.Select(InformationRequestResponse.From)],
            [.. history.Select(CaseHistoryEntryResponse.From)],
            notices,
            a.RetentionDueAt,
            a.LegalHoldSince is { } since ? new CaseLegalHold(since, a.LegalHoldReason ?? "") : null,
            ApplicationPaymentView.Of(a));
    }
}
