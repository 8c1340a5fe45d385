namespace Egov.SharedKernel.Security;

/// <summary>
/// The roles Egov knows, as they appear in the normalised <see cref="EgovClaimTypes.Role"/> claim
/// after an identity provider's own role names were mapped (see docs/security.md).
/// </summary>
public static class EgovRoles
{
    /// <summary>A citizen (Bürgerin/Bürger) filing applications; realm <c>citizen</c>.</summary>
    public const string Citizen = "Citizen";

    /// <summary>Sachbearbeitung: handles cases of their department.</summary>
    public const string Caseworker = "Caseworker";

    /// <summary>Redaktion: writes announcements and drafts social posts.</summary>
    public const string Editor = "Editor";

    /// <summary>Pressestelle: approves public posts and official notices (four-eyes principle).</summary>
    public const string Approver = "Approver";

    /// <summary>Krisenstab: may issue crisis alerts alone (break-glass, recorded for review).</summary>
    public const string CrisisManager = "CrisisManager";

    /// <summary>Administration: forms, channels, guidelines and configuration.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Every role, citizen first.</summary>
    public static IReadOnlyList<string> All { get; } = [Citizen, Caseworker, Editor, Approver, CrisisManager, Administrator];
}
