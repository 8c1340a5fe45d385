using System.Security.Claims;
using Egov.SharedKernel.Security;

namespace Egov.Host.Portal;

/// <summary>
/// The staff areas and the roles that see them: one table for the staff start page (<c>/staff</c>, every
/// area as a task) and the layout's navigation (the areas with a <see cref="StaffArea.NavigationDe"/> label).
/// The pages themselves decide access; a link hidden here is a convenience, not a permission.
/// </summary>
internal static class StaffAreas
{
    public static IReadOnlyList<StaffArea> All { get; } =
    [
        new("/staff/cases", "Vorgänge bearbeiten", "Handle cases", "Vorgänge", "Cases", [EgovRoles.Caseworker, EgovRoles.Administrator]),
        new("/staff/announcements", "Meldungen und Bekanntmachungen", "News and official notices", "Redaktion", "Editorial", [EgovRoles.Editor, EgovRoles.Approver, EgovRoles.CrisisManager]),
        new("/staff/alerts", "Warnungen herausgeben", "Issue alerts", null, null, [EgovRoles.CrisisManager]),
        new("/staff/outreach", "Beiträge für soziale Medien", "Social media posts", "Soziale Medien", "Social media", [EgovRoles.Editor, EgovRoles.Approver, EgovRoles.CrisisManager]),
        new("/staff/outreach/approvals", "Freigaben", "Approvals", null, null, [EgovRoles.Approver]),
        new("/staff/outreach/channels", "Kanäle verwalten", "Manage channels", null, null, [EgovRoles.Administrator]),
        new("/staff/outreach/guidelines", "Social-Media-Leitlinien", "Social media guidelines", null, null, []),
    ];

    /// <summary>The areas <paramref name="user"/> sees, in the order above.</summary>
    public static IEnumerable<StaffArea> For(ClaimsPrincipal user) => All.Where(area => area.IsFor(user));
}

/// <summary>One staff area: its path, its task name on <c>/staff</c>, its navigation label (null: not in the navigation), and its roles (empty: every staff member).</summary>
internal sealed record StaffArea(string Path, string TaskDe, string TaskEn, string? NavigationDe, string? NavigationEn, IReadOnlyList<string> Roles)
{
    public bool IsFor(ClaimsPrincipal user) => Roles.Count == 0 || Roles.Any(user.IsInRole);
}
