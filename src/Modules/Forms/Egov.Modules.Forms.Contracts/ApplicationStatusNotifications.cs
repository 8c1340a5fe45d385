using System.Collections.Frozen;

namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// The one list of status changes the applicant is told about, on every channel (the Forms status
/// mail, the mobile app's push): the steps where the citizen must act or learns an outcome, and the
/// confirmations of what was done with their application. The statuses are those of
/// <see cref="ApplicationStatuses"/>, as <see cref="ApplicationStatusChangedIntegrationEvent.Status"/>
/// carries them.
/// <list type="table">
/// <listheader><term>status</term><description>told</description></listheader>
/// <item><term><see cref="ApplicationStatuses.Submitted"/></term><description>yes: confirmation of receipt (other devices learn of it too)</description></item>
/// <item><term><see cref="ApplicationStatuses.InReview"/></term><description>no: internal progress, nothing for the citizen to do</description></item>
/// <item><term><see cref="ApplicationStatuses.InformationRequested"/></term><description>yes: the citizen must answer, by a date if one is set</description></item>
/// <item><term><see cref="ApplicationStatuses.Approved"/></term><description>yes: the decision is in the account</description></item>
/// <item><term><see cref="ApplicationStatuses.Rejected"/></term><description>yes: the decision is in the account</description></item>
/// <item><term><see cref="ApplicationStatuses.Withdrawn"/></term><description>yes: confirmation, and a warning if it was not the citizen who withdrew</description></item>
/// <item><term><see cref="ApplicationStatuses.Closed"/></term><description>no: filing away after a decision or withdrawal the citizen was already told about</description></item>
/// </list>
/// </summary>
public static class ApplicationStatusNotifications
{
    /// <summary>The statuses of the table above that the applicant is told about (compared ordinally: exact case).</summary>
    public static IReadOnlySet<string> Statuses { get; } = new[]
    {
        ApplicationStatuses.Submitted,
        ApplicationStatuses.InformationRequested,
        ApplicationStatuses.Approved,
        ApplicationStatuses.Rejected,
        ApplicationStatuses.Withdrawn,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a change to <paramref name="status"/> is one the applicant is told about. Any value
    /// not in <see cref="Statuses"/> (another status, an unknown value, wrong case, null) is false.
    /// </summary>
    /// <param name="status">The new status, as <see cref="ApplicationStatusChangedIntegrationEvent.Status"/> carries it.</param>
    public static bool NotifiesApplicant(string? status) => status is not null && Statuses.Contains(status);
}
