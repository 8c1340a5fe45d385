using System.Security.Claims;
using Egov.SharedKernel.Security;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>The member of staff asking (policy HandleCases): who they are, their departments, and whether they administer (every department).</summary>
internal sealed record StaffMember(string Subject, string Name, IReadOnlyList<string> Departments, bool IsAdministrator)
{
    /// <summary>Whether cases of <paramref name="department"/> are theirs to see — the rule of the case API.</summary>
    public bool Covers(string department) => Covers(Departments, IsAdministrator, department);

    /// <summary>The rule of the case API for a caller given by departments (the Contracts messages).</summary>
    public static bool Covers(IReadOnlyList<string> departments, bool isAdministrator, string department) =>
        isAdministrator || departments.Contains(department);

    public static StaffMember Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(EgovClaimTypes.Subject) ?? "",
        user.FindFirstValue(EgovClaimTypes.Name) ?? user.FindFirstValue(EgovClaimTypes.Subject) ?? "",
        [.. user.FindAll(EgovClaimTypes.Department).Select(c => c.Value)],
        user.IsInRole(EgovRoles.Administrator));
}
