namespace Egov.Modules.Outreach.Domain.Posts;

/// <summary>The staff member a request acts for, with the roles that matter in Outreach.</summary>
/// <param name="Subject">OIDC <c>sub</c>.</param>
/// <param name="Name">Display name, for the audit history.</param>
/// <param name="IsEditor">Has the Editor role (Redaktion).</param>
/// <param name="IsApprover">Has the Approver role (Pressestelle).</param>
/// <param name="IsCrisisManager">Has the CrisisManager role (Krisenstab).</param>
/// <param name="IsAdministrator">Has the Administrator role.</param>
internal sealed record OutreachActor(string Subject, string Name, bool IsEditor, bool IsApprover, bool IsCrisisManager, bool IsAdministrator)
{
    /// <summary>Egov itself, for steps no person takes (alert fan-out, the delivery engine).</summary>
    public static OutreachActor System { get; } = new("system:egov", "Egov", IsEditor: false, IsApprover: false, IsCrisisManager: false, IsAdministrator: false);

    /// <summary>Editors draft posts; CrisisManagers draft crisis posts.</summary>
    public bool MayDraft(bool crisis) => IsEditor || (crisis && IsCrisisManager);
}
