using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Paging;
using Mediator;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>
/// The member of staff a case request acts for: OIDC <c>sub</c>, display name, the departments of
/// their <c>department</c> claims, and whether they are an Administrator (who sees every department).
/// </summary>
internal sealed record Caseworker(string Subject, string Name, IReadOnlyList<string> Departments, bool IsAdministrator)
{
    public CaseActor Actor => new(Subject, Name, IsApplicant: false);

    /// <summary>Whether the case of <paramref name="department"/> is theirs to see.</summary>
    public bool Covers(string? department) => IsAdministrator || (department is not null && Departments.Contains(department));
}

/// <summary>Worklist filters; every one is optional and they combine with AND.</summary>
/// <param name="Statuses">Only these statuses (none: all after submission).</param>
/// <param name="Form">Form key, e.g. <c>bewohnerparkausweis</c>.</param>
/// <param name="Assignee"><c>me</c>, <c>none</c> (unassigned), or a caseworker's <c>sub</c>.</param>
/// <param name="Department">Department code; only departments of the caller count.</param>
/// <param name="Overdue">True: only late cases; false: only cases in time.</param>
/// <param name="SubmittedFrom">First day of submission (Europe/Berlin calendar date, inclusive).</param>
/// <param name="SubmittedTo">Last day of submission (Europe/Berlin calendar date, inclusive).</param>
/// <param name="Search">Part of the reference number or of the applicant's name (case-insensitive).</param>
internal sealed record CaseFilter(
    IReadOnlyList<ApplicationStatus> Statuses,
    string? Form,
    string? Assignee,
    string? Department,
    bool? Overdue,
    DateOnly? SubmittedFrom,
    DateOnly? SubmittedTo,
    string? Search);

/// <summary>The worklist: one page of cases, sorted and filtered, and counts per status.</summary>
internal sealed record ListCasesQuery(Caseworker Caseworker, CaseFilter Filter, CaseSort Sort, string? Cursor, int? Limit) : IQuery<CaseWorklist>;

/// <summary>One case with everything a caseworker needs; logged as a read of personal data.</summary>
internal sealed record GetCaseQuery(Caseworker Caseworker, Guid CaseId) : IQuery<CaseDetail>;

/// <summary>The case's full history, oldest first; logged as a read.</summary>
internal sealed record GetCaseHistoryQuery(Caseworker Caseworker, Guid CaseId) : IQuery<IReadOnlyList<CaseHistoryEntryResponse>>;

/// <summary>Assigns the case to <paramref name="Assignee"/> (<c>me</c> or a colleague's <c>sub</c>), or unassigns it (null).</summary>
internal sealed record AssignCaseCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, string? Assignee) : ICommand<CaseDetail>;

/// <summary>Moves the case to another status (see CaseTransitions); some moves need a reason.</summary>
internal sealed record TransitionCaseCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, ApplicationStatus To, string? Reason) : ICommand<CaseDetail>;

/// <summary>Asks the applicant for documents or data by a date; the case waits in InformationRequested.</summary>
internal sealed record RequestInformationCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, string Message, DateOnly AnswerBy) : ICommand<CaseDetail>;

/// <summary>The case's messages and internal notes, oldest first; logged as a read.</summary>
internal sealed record ListCaseMessagesQuery(Caseworker Caseworker, Guid CaseId) : IQuery<IReadOnlyList<CaseMessageResponse>>;

/// <summary>Writes to the applicant, or an internal note (<paramref name="Internal"/>) staff only see.</summary>
internal sealed record PostCaseMessageCommand(Caseworker Caseworker, Guid CaseId, string Body, bool Internal) : ICommand<CaseMessageResponse>;

/// <summary>One file of the case (content included); logged as a read.</summary>
internal sealed record GetCaseAttachmentQuery(Caseworker Caseworker, Guid CaseId, Guid AttachmentId) : IQuery<CaseFile>;

/// <summary>The receipt PDF of a case; logged as a read.</summary>
internal sealed record GetCaseReceiptQuery(Caseworker Caseworker, Guid CaseId) : IQuery<Receipts.ReceiptFile>;

/// <summary>Administrator: who read which case's personal data, newest first.</summary>
internal sealed record ListCaseAccessLogQuery(Guid? CaseId, string? Actor, string? Cursor, int? Limit) : IQuery<CursorPage<CaseAccessLogResponse>>;

/// <summary>Worklist order: by submission or by due date, ascending (oldest first) or descending.</summary>
internal enum CaseSort
{
    /// <summary>Oldest submission first (first in, first out): the default.</summary>
    SubmittedAt,

    /// <summary>Newest submission first.</summary>
    SubmittedAtDescending,

    /// <summary>Most urgent first.</summary>
    DueAt,

    /// <summary>Least urgent first.</summary>
    DueAtDescending,
}

/// <summary>A file's name, media type and bytes.</summary>
internal sealed record CaseFile(string FileName, string MediaType, byte[] Content);
