using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.SharedKernel.Web;

/// <summary>
/// One staff area a module offers: its path, its task name on the staff start page (<c>/staff</c>),
/// its label in the layout's navigation, and the roles that see it. Each module registers its own
/// areas (<see cref="StaffAreaServiceCollectionExtensions.AddStaffArea"/>); the host only lists what
/// is registered, so it holds no module's words or role table (ADR 0018). The pages themselves
/// decide access: a link hidden here is a convenience, not a permission.
/// </summary>
/// <param name="Path">Absolute path of the area's page, e.g. <c>/staff/cases</c>.</param>
/// <param name="Order">Position on <c>/staff</c> and in the navigation, ascending; modules space theirs
/// by hundreds (Forms 100, Announcements 200, Outreach 300, Payments 400).</param>
/// <param name="TaskDe">The task on <c>/staff</c>, German.</param>
/// <param name="TaskEn">The task on <c>/staff</c>, English.</param>
/// <param name="NavigationDe">The navigation label, German; null keeps the area out of the navigation.</param>
/// <param name="NavigationEn">The navigation label, English; null exactly when <paramref name="NavigationDe"/> is.</param>
/// <param name="Roles">The roles (<see cref="Security.EgovRoles"/>) that see the area; empty: every staff member.</param>
public sealed record StaffArea(
    string Path, int Order, string TaskDe, string TaskEn, string? NavigationDe, string? NavigationEn, IReadOnlyList<string> Roles)
{
    /// <summary>Whether <paramref name="user"/> sees the area (has one of its roles, or it has none).</summary>
    public bool IsFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Roles.Count == 0 || Roles.Any(user.IsInRole);
    }
}

/// <summary>Registration of a module's staff areas.</summary>
public static class StaffAreaServiceCollectionExtensions
{
    /// <summary>Registers <paramref name="area"/> for the staff start page and the navigation.</summary>
    public static IServiceCollection AddStaffArea(this IServiceCollection services, StaffArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return services.AddSingleton(area);
    }
}
