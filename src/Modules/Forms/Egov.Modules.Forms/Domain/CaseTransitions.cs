namespace Egov.Modules.Forms.Domain;

/// <summary>
/// The state machine of a case (docs/modules/cases.md has the diagram):
/// Submitted → InReview → InformationRequested ⇄ InReview → Approved | Rejected → Closed;
/// the applicant may withdraw before a decision (Submitted, InReview, InformationRequested →
/// Withdrawn → Closed).
/// </summary>
internal static class CaseTransitions
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> ByStaff = new()
    {
        [ApplicationStatus.Submitted] = [ApplicationStatus.InReview],
        [ApplicationStatus.InReview] = [ApplicationStatus.InformationRequested, ApplicationStatus.Approved, ApplicationStatus.Rejected],

        // Back to InReview without an answer: the caseworker withdraws the request (reason required).
        [ApplicationStatus.InformationRequested] = [ApplicationStatus.InReview],
        [ApplicationStatus.Approved] = [ApplicationStatus.Closed],
        [ApplicationStatus.Rejected] = [ApplicationStatus.Closed],
        [ApplicationStatus.Withdrawn] = [ApplicationStatus.Closed],
    };

    /// <summary>Statuses from which the applicant may still withdraw (before a decision).</summary>
    public static IReadOnlySet<ApplicationStatus> Withdrawable { get; } = new HashSet<ApplicationStatus>
    {
        ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested,
    };

    /// <summary>Statuses in which the city is working and the processing deadline runs.</summary>
    public static IReadOnlySet<ApplicationStatus> ClockRunning { get; } = new HashSet<ApplicationStatus>
    {
        ApplicationStatus.Submitted, ApplicationStatus.InReview,
    };

    /// <summary>Statuses a caseworker may move the case to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ApplicationStatus> AllowedForStaff(ApplicationStatus from) =>
        ByStaff.TryGetValue(from, out var to) ? to : [];

    /// <summary>Statuses that need a reason: a rejection must say why (VwVfG §39 requires reasons for an administrative act), an information request what is missing, a withdrawn request why.</summary>
    public static bool NeedsReason(ApplicationStatus from, ApplicationStatus to) =>
        to is ApplicationStatus.Rejected or ApplicationStatus.InformationRequested
        || (from == ApplicationStatus.InformationRequested && to == ApplicationStatus.InReview);
}
