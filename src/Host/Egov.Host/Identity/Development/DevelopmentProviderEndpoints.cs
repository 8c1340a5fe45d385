using System.Net;
using System.Security.Claims;
using System.Text;
using Egov.SharedKernel.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Egov.Host.Identity.Development;

/// <summary>
/// The passthrough endpoints of the development provider: OpenIddict validates each protocol
/// request; these handlers decide who the user is and what goes into the tokens.
/// </summary>
internal static class DevelopmentProviderEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentProvider(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").ExcludeFromDescription().AllowAnonymous();
        // Typed as Func so minimal APIs write the returned IResult (a bare RequestDelegate would drop it).
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)AuthorizeAsync);
        connect.MapPost("/token", (Func<HttpContext, Task<IResult>>)TokenAsync);
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)UserInfoAsync);
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)LogoutAsync);
        connect.MapGet("/login", LoginPage);
        connect.MapPost("/login", LoginAsync);
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var login = await context.AuthenticateAsync(DevelopmentProvider.LoginScheme);
        var user = login.Succeeded ? DevelopmentUsers.FindBySubject(login.Principal.FindFirstValue(Claims.Subject)) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // Come back to this very authorization request after the login page.
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType
                    ? context.Request.Form.Select(p => KeyValuePair.Create(p.Key, p.Value))
                    : context.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value)));
            return Results.Redirect($"{DevelopmentProvider.LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        var principal = new ClaimsPrincipal(DevelopmentProvider.CreateIdentity(user, request.GetScopes()));
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsPasswordGrantType())
        {
            // Only egov-cli holds the permission for this grant; OpenIddict has checked that already.
            var user = DevelopmentUsers.Verify(request.Username, request.Password);
            return user is null
                ? Forbid(Errors.InvalidGrant, "The user name or password is wrong.")
                : Results.SignIn(new ClaimsPrincipal(DevelopmentProvider.CreateIdentity(user, request.GetScopes())),
                    authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            return Results.SignIn(new ClaimsPrincipal(DevelopmentProvider.CreateClientIdentity(request.ClientId!, request.GetScopes())),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = DevelopmentUsers.FindBySubject(result.Principal?.FindFirstValue(Claims.Subject));
            return user is null
                ? Forbid(Errors.InvalidGrant, "The user no longer exists.")
                : Results.SignIn(new ClaimsPrincipal(DevelopmentProvider.CreateIdentity(user, result.Principal!.GetScopes())),
                    authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = DevelopmentUsers.FindBySubject(result.Principal?.FindFirstValue(Claims.Subject));
        if (user is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Claims.Subject] = user.Subject,
            [Claims.Name] = user.Name,
            [Claims.Email] = user.Email,
            [Claims.Role] = new[] { user.Role },
            ["egov_realm"] = user.Realm,
            ["department"] = user.Departments.Count switch { 0 => null, 1 => user.Departments[0], _ => user.Departments },
            ["acr"] = user.AssuranceLevel,
            [Claims.Address] = user.Address is null ? null : new Dictionary<string, string> { ["formatted"] = user.Address },
        };
        return Results.Json(claims.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(DevelopmentProvider.LoginScheme);

        // OpenIddict redirects to the client's validated post_logout_redirect_uri, else to "/".
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    // In the browser's language (request localization runs before routing: cookie, else Accept-Language)
    // and in the portal's stylesheet, so the way into the portal looks and reads like the portal.
    private static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = new StringBuilder();
        var title = PortalText.Pick("Anmeldung (Entwicklung)", "Development sign-in");
        html.Append(CultureInfoInvariant($"""
            <!DOCTYPE html>
            <html lang="{PortalText.Language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)} – Egov</title><link rel="stylesheet" href="/css/portal.css"></head>
            <body><header class="site-header"><p class="site-name">Egov</p></header>
            <main id="main"><h1>{Encode(title)}</h1>
            <p class="notice">{Encode(PortalText.Pick(
                "Nur für die Entwicklung: Das Passwort jeder Testperson ist ihr Benutzername.",
                "Development only. Every seeded user's password is their user name."))}</p>
            """));
        if (error is not null)
        {
            var wrong = Encode(PortalText.Pick("Benutzername oder Passwort ist falsch.", "The user name or password is wrong."));
            html.Append(CultureInfoInvariant($"""<div class="error-summary" role="alert"><p>{wrong}</p></div>"""));
        }

        html.Append(CultureInfoInvariant($"""
            <form method="post" action="{DevelopmentProvider.LoginPath}">
            <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? "")}">
            <input type="hidden" name="returnUrl" value="{Encode(returnUrl ?? "/")}">
            <p class="field"><label for="username">{Encode(PortalText.Pick("Benutzername", "User name"))}</label> <input type="text" id="username" name="username" autocomplete="username" required></p>
            <p class="field"><label for="password">{Encode(PortalText.Pick("Passwort", "Password"))}</label> <input type="password" id="password" name="password" autocomplete="current-password" required></p>
            <p class="actions"><button type="submit" class="primary">{Encode(PortalText.Pick("Anmelden", "Sign in"))}</button></p>
            </form>
            <div class="table-scroll" role="region" tabindex="0" aria-label="{Encode(PortalText.Pick("Testpersonen", "Seeded users"))}"><table><caption>{Encode(PortalText.Pick("Testpersonen", "Seeded users"))}</caption><thead><tr><th scope="col">{Encode(PortalText.Pick("Benutzername", "User name"))}</th><th scope="col">Name</th><th scope="col">{Encode(PortalText.Pick("Rolle", "Role"))}</th><th scope="col">{Encode(PortalText.Pick("Fachbereich", "Department"))}</th></tr></thead><tbody>
            """));
        foreach (var user in DevelopmentUsers.All)
        {
            html.Append(CultureInfoInvariant($"<tr><td>{Encode(user.UserName)}</td><td>{Encode(user.Name)}</td><td>{Encode(user.Role)}</td><td>{Encode(string.Join(", ", user.Departments))}</td></tr>"));
        }

        html.Append("</tbody></table></div></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request",
                detail: "The sign-in form expired or was not sent by this site; reload it and try again.");
        }

        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (!IsLocal(returnUrl))
        {
            returnUrl = "/";
        }

        var user = DevelopmentUsers.Verify(form["username"], form["password"]);
        if (user is null)
        {
            return Results.Redirect($"{DevelopmentProvider.LoginPath}?error=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        var identity = new ClaimsIdentity(DevelopmentProvider.LoginScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        await context.SignInAsync(DevelopmentProvider.LoginScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    // Only paths on this site: "/x" but not "//host" or "/\host" (open redirect).
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string CultureInfoInvariant(FormattableString value) => FormattableString.Invariant(value);
}
