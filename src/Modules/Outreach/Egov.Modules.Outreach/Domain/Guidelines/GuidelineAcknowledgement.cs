namespace Egov.Modules.Outreach.Domain.Guidelines;

/// <summary>
/// A staff member's statement that they read a guideline version. Editors need one for the version
/// in force before they draft, Approvers before they approve.
/// </summary>
internal sealed class GuidelineAcknowledgement
{
    public int GuidelineVersion { get; set; }

    /// <summary>OIDC <c>sub</c> of the staff member.</summary>
    public required string Subject { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset AcknowledgedAt { get; set; }
}
