using System.Security.Claims;
using Egov.SharedKernel.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Egov.Host.Identity;

/// <summary>Who the API thinks the caller is, after the issuer's claims were normalised.</summary>
/// <param name="Subject">The <c>sub</c> at the issuer.</param>
/// <param name="Issuer">The issuer (<c>iss</c>).</param>
/// <param name="Realm"><c>citizen</c>, <c>staff</c>, or null for a service client.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Roles">Egov roles: Citizen, Caseworker, Editor, Approver, CrisisManager, Administrator.</param>
/// <param name="Department">
/// The first of <paramref name="Departments"/> (kept for clients written before a staff member could
/// have several); read <paramref name="Departments"/>.
/// </param>
/// <param name="Departments">Every department of a staff member, e.g. <c>["public-order", "finance"]</c>; empty for citizens and service clients.</param>
/// <param name="AssuranceLevel"><c>basic</c>, <c>substantial</c> or <c>high</c> (eIDAS), when the issuer states one.</param>
internal sealed record MeResponse(
    string Subject, string Issuer, string? Realm, string? Name, string? Email, IReadOnlyList<string> Roles, string? Department, IReadOnlyList<string> Departments, string? AssuranceLevel);

internal static class MeEndpoint
{
    public static IEndpointRouteBuilder MapMeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", Ok<MeResponse> (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
                user.FindFirstValue(EgovClaimTypes.Subject)!,
                user.FindFirstValue(EgovClaimTypes.Issuer) ?? "",
                user.FindFirstValue(EgovClaimTypes.Realm),
                user.FindFirstValue(EgovClaimTypes.Name),
                user.FindFirstValue(EgovClaimTypes.Email),
                [.. user.FindAll(EgovClaimTypes.Role).Select(c => c.Value)],
                user.FindFirstValue(EgovClaimTypes.Department),
                [.. user.FindAll(EgovClaimTypes.Department).Select(c => c.Value)],
                user.FindFirstValue(EgovClaimTypes.AssuranceLevel))))
            .RequireAuthorization(EgovPolicies.Authenticated)
            .WithTags("Identity")
            .WithName("GetMe")
            .WithSummary("Who am I")
            .WithDescription("The caller as the API sees it: subject, realm, roles, departments (`department` is the first of `departments`) and assurance level.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
