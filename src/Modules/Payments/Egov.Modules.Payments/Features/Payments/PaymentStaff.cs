using System.Security.Claims;
using Egov.SharedKernel.Security;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>A caseworker as the Payments module sees them: who, and which departments' payments they may see and refund (Administrators: all).</summary>
internal sealed record PaymentStaff(string Subject, string Name, IReadOnlyList<string> Departments, bool IsAdministrator)
{
    public bool Covers(string department) => IsAdministrator || Departments.Contains(department);

    public static PaymentStaff From(ClaimsPrincipal user) => new(
        user.FindFirstValue(EgovClaimTypes.Subject)!,
        user.FindFirstValue(EgovClaimTypes.Name) ?? user.FindFirstValue(EgovClaimTypes.Subject)!,
        [.. user.FindAll(EgovClaimTypes.Department).Select(c => c.Value).Distinct(StringComparer.Ordinal)],
        user.IsInRole(EgovRoles.Administrator));
}
