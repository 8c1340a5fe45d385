using System.Net;
using System.Security.Claims;
using Egov.SharedKernel.Security;
using Microsoft.AspNetCore.Authentication;

namespace Egov.Host.Identity;

/// <summary>
/// Browser session pages: <c>/account</c> shows who is signed in (and starts the OpenID Connect
/// login when nobody is), <c>/account/login</c> starts it explicitly, <c>/account/logout</c> ends the
/// session here and at the provider (RP-initiated logout).
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        account.MapGet("/", (ClaimsPrincipal user) => Results.Content(
                $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Your Egov account</title></head>
                <body><main><h1>Your Egov account</h1>
                <p>Signed in as <strong>{Encode(user.FindFirstValue(EgovClaimTypes.Name) ?? user.FindFirstValue(EgovClaimTypes.Subject))}</strong>
                ({Encode(string.Join(", ", user.FindAll(EgovClaimTypes.Role).Select(c => c.Value)))}).</p>
                <p><a href="/account/logout">Sign out</a></p></main></body></html>
                """,
                "text/html; charset=utf-8"))
            .RequireAuthorization(EgovPolicies.Authenticated);

        account.MapGet("/login", async (string? returnUrl, IAuthenticationSchemeProvider schemes) =>
                await schemes.GetSchemeAsync(IdentityExtensions.OidcScheme) is null
                    ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                        detail: "Browser login is not configured on this host (Identity:Web or the development provider).")
                    : Results.Challenge(
                        new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/account" },
                        [IdentityExtensions.OidcScheme]))
            .AllowAnonymous();

        account.MapGet("/signed-out", () => Results.Content(
                """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Signed out of Egov</title></head>
                <body><main><h1>You are signed out</h1><p><a href="/account/login">Sign in again</a></p></main></body></html>
                """,
                "text/html; charset=utf-8"))
            .AllowAnonymous();

        account.MapGet("/logout", async (HttpContext context) =>
            {
                var schemes = await context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(IdentityExtensions.OidcScheme) is null
                    ? new[] { IdentityExtensions.CookieScheme }
                    : [IdentityExtensions.CookieScheme, IdentityExtensions.OidcScheme];
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" }, schemes);
            })
            .AllowAnonymous();
        return app;
    }

    private static bool IsLocal(string? url) =>
        url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");
}
