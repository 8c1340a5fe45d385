using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Features.AccessibilityFeedback;

/// <summary>Who handles reports of barriers (section <c>Egov:AccessibilityFeedback</c>).</summary>
internal sealed class AccessibilityFeedbackOptions
{
    public const string SectionName = "Egov:AccessibilityFeedback";

    /// <summary>
    /// Department code whose caseworkers see and answer the reports (e.g. <c>central-services</c>); administrators
    /// always do. Unset (default): administrators only — the reports carry contact data, so not every caseworker.
    /// </summary>
    public string? Department { get; set; }

    /// <summary>Reports accepted per client IP address and minute (default 5: enough for a person, not for a flood).</summary>
    public int ReportsPerMinute { get; set; } = 5;

    /// <exception cref="ForbiddenException">Neither an administrator nor a caseworker of <see cref="Department"/>.</exception>
    public void EnsureHandles(Caseworker staff)
    {
        if (!staff.IsAdministrator && (Department is null || !staff.Departments.Contains(Department)))
        {
            throw new ForbiddenException("Reports of barriers are handled by administrators" + (Department is null ? "." : $" and the department {Department}."));
        }
    }
}
