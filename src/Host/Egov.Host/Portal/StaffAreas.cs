using System.Security.Claims;
using Egov.SharedKernel.Web;

namespace Egov.Host.Portal;

/// <summary>
/// The staff areas the modules registered (<see cref="StaffArea"/>), for the staff start page
/// (<c>/staff</c>, every area as a task) and the layout's navigation (the areas with a navigation
/// label), in their order. The host adds no area of its own.
/// </summary>
internal static class StaffAreas
{
    /// <summary>The areas <paramref name="user"/> sees, in the modules' order.</summary>
    public static IEnumerable<StaffArea> For(HttpContext context, ClaimsPrincipal user) =>
        context.RequestServices.GetServices<StaffArea>().OrderBy(area => area.Order).Where(area => area.IsFor(user));
}
