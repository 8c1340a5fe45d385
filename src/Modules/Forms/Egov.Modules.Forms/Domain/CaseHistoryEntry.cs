namespace Egov.Modules.Forms.Domain;

/// <summary>
/// One entry of a case's append-only history: a status change or an assignment, who made it,
/// when and why. Never updated or deleted (PostgreSQL refuses both with a trigger).
/// </summary>
internal sealed class CaseHistoryEntry
{
    private CaseHistoryEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>1, 2, 3, … per case: the order of changes, also of two within the same second.</summary>
    public int Sequence { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public CaseHistoryKind Kind { get; private set; }

    public ApplicationStatus? FromStatus { get; private set; }

    public ApplicationStatus? ToStatus { get; private set; }

    /// <summary>OIDC <c>sub</c> of who made the change.</summary>
    public string ActorSubject { get; private set; } = "";

    /// <summary>Display name of who made the change, as it was then.</summary>
    public string ActorName { get; private set; } = "";

    /// <summary>True when the applicant made the change (submission, answer, withdrawal).</summary>
    public bool ByApplicant { get; private set; }

    /// <summary>Why, in the actor's words; shown to the applicant when <see cref="VisibleToApplicant"/>.</summary>
    public string? Reason { get; private set; }

    /// <summary>For assignments: the new assignee's <c>sub</c> (null when unassigned).</summary>
    public string? AssigneeSubject { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>For a decision issued with a written notice: the notice (see <see cref="DecisionNotice"/>).</summary>
    public Guid? DecisionNoticeId { get; private set; }

    /// <summary>Status changes are public to the applicant; assignments are internal.</summary>
    public bool VisibleToApplicant { get; private set; }

    public static CaseHistoryEntry StatusChanged(
        Guid applicationId, int sequence, DateTimeOffset at, CaseActor actor, ApplicationStatus from, ApplicationStatus to, string? reason, Guid? decisionNoticeId = null) => new()
    {
        Id = Guid.CreateVersion7(at),
        ApplicationId = applicationId,
        Sequence = sequence,
        OccurredAt = at,
        Kind = CaseHistoryKind.StatusChanged,
        FromStatus = from,
        ToStatus = to,
        ActorSubject = actor.Subject,
        ActorName = actor.Name,
        ByApplicant = actor.IsApplicant,
        Reason = reason,
        DecisionNoticeId = decisionNoticeId,
        VisibleToApplicant = true,
    };

    public static CaseHistoryEntry LegalHoldChanged(Guid applicationId, int sequence, DateTimeOffset at, CaseActor actor, bool placed, string reason) => new()
    {
        Id = Guid.CreateVersion7(at),
        ApplicationId = applicationId,
        Sequence = sequence,
        OccurredAt = at,
        Kind = placed ? CaseHistoryKind.LegalHoldPlaced : CaseHistoryKind.LegalHoldLifted,
        ActorSubject = actor.Subject,
        ActorName = actor.Name,
        Reason = reason,
        VisibleToApplicant = false,
    };

    public static CaseHistoryEntry AssigneeChanged(
        Guid applicationId, int sequence, DateTimeOffset at, CaseActor actor, string? assigneeSubject, string? assigneeName) => new()
    {
        Id = Guid.CreateVersion7(at),
        ApplicationId = applicationId,
        Sequence = sequence,
        OccurredAt = at,
        Kind = assigneeSubject is null ? CaseHistoryKind.Unassigned : CaseHistoryKind.Assigned,
        ActorSubject = actor.Subject,
        ActorName = actor.Name,
        AssigneeSubject = assigneeSubject,
        AssigneeName = assigneeName,
        VisibleToApplicant = false,
    };
}

/// <summary>What a history entry records.</summary>
internal enum CaseHistoryKind
{
    /// <summary>The status changed (submission, transition, information request, answer, withdrawal).</summary>
    StatusChanged,

    /// <summary>The case was given to a caseworker (or to another one).</summary>
    Assigned,

    /// <summary>The case was taken from its caseworker back into the department's queue.</summary>
    Unassigned,

    /// <summary>A caseworker placed a legal hold: the retention clock stops (reason given).</summary>
    LegalHoldPlaced,

    /// <summary>The legal hold was lifted: the retention clock runs again (reason given).</summary>
    LegalHoldLifted,
}

/// <summary>Who acts on a case: OIDC <c>sub</c>, display name, and whether it is the applicant.</summary>
internal sealed record CaseActor(string Subject, string Name, bool IsApplicant);
