using System.Security.Claims;
using Egov.SharedKernel.Security;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>The member of staff asking (policy HandleCases): their departments, and whether they administer (every department).</summary>
internal sealed record StaffMember(IReadOnlyList<string> Departments, bool IsAdministrator)
{
    /// <summary>Whether cases of <paramref name="department"/> are theirs to see — the rule of the case API.</summary>
    public bool Covers(string department) => IsAdministrator || Departments.Contains(department);

    public static StaffMember Of(ClaimsPrincipal user) => new(
        [.. user.FindAll(EgovClaimTypes.Department).Select(c => c.Value)],
        user.IsInRole(EgovRoles.Administrator));
}
