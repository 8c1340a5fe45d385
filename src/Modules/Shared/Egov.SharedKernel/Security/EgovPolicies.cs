namespace Egov.SharedKernel.Security;

/// <summary>
/// Authorization policies, one per capability; the host defines them (roles → capabilities in
/// docs/security.md) and every endpoint names one or is explicitly anonymous.
/// </summary>
public static class EgovPolicies
{
    /// <summary>Any signed-in principal, citizen or staff.</summary>
    public const string Authenticated = "Authenticated";

    /// <summary>Citizens: file applications, read their own applications, answer information requests.</summary>
    public const string FileApplications = "FileApplications";

    /// <summary>Any staff member (realm <c>staff</c>).</summary>
    public const string Staff = "Staff";

    /// <summary>Caseworkers (their departments' cases) and Administrators (every department): the worklist, case transitions, messages and decisions.</summary>
    public const string HandleCases = "HandleCases";

    /// <summary>Editors: write and schedule announcements; draft social posts.</summary>
    public const string EditContent = "EditContent";

    /// <summary>Approvers (press office): approve or reject posts and official notices.</summary>
    public const string ApproveContent = "ApproveContent";

    /// <summary>Crisis managers: issue, update and cancel alerts, alone if need be.</summary>
    public const string IssueAlerts = "IssueAlerts";

    /// <summary>Administrators: forms, channels, guidelines.</summary>
    public const string Administer = "Administer";
}
