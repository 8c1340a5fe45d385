using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Egov.Host.Identity.Development;

/// <summary>
/// The development OpenID provider (OpenIddict): discovery, JWKS, authorization code + PKCE with a
/// small login page, refresh tokens, client credentials and — for the <c>egov-cli</c> client only —
/// the password grant. Access tokens are signed, unencrypted JWTs for the audience <c>egov-api</c>.
/// Mounted only when <c>Identity:Development:Enabled</c> is true; never in Production.
/// </summary>
internal static partial class DevelopmentProvider
{
    /// <summary>Cookie of the provider's own login page (not the Egov session).</summary>
    public const string LoginScheme = "Egov.DevelopmentProvider";

    public const string LoginPath = "/connect/login";

    public static IServiceCollection AddDevelopmentProvider(this IServiceCollection services, DevelopmentProviderSettings settings)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<EgovIdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(settings.Issuer));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .AllowPasswordFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, DevelopmentClients.ApiAudience);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.Role, Claims.Address, "department", "egov_realm", "acr");
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));

                // Development keys are kept in the user's certificate store, so tokens outlive restarts.
                server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                server.DisableAccessTokenEncryption();

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        services.AddAuthentication().AddCookie(LoginScheme, options =>
        {
            options.Cookie.Name = ".Egov.DevelopmentProvider";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = LoginPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddHostedService<DevelopmentClients>();
        return services;
    }

    /// <summary>Claims of a seeded user, with the tokens each claim goes into.</summary>
    public static System.Security.Claims.ClaimsIdentity CreateIdentity(DevelopmentUser user, IEnumerable<string> scopes)
    {
        var identity = new System.Security.Claims.ClaimsIdentity(
            Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim("egov_realm", user.Realm)
            .SetClaims(Claims.Role, [user.Role]);
        if (user.Departments.Count > 0)
        {
            identity.SetClaims("department", [.. user.Departments]);
        }

        if (user.AssuranceLevel is not null)
        {
            identity.SetClaim("acr", user.AssuranceLevel);
        }

        if (user.Address is not null && AddressPattern().Match(user.Address) is { Success: true } address)
        {
            // OIDC Core §5.1.1 address claim; lets forms prefill the applicant's registered address.
            identity.SetClaim(Claims.Address, System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string>
            {
                ["formatted"] = user.Address,
                ["street_address"] = address.Groups[1].Value,
                ["postal_code"] = address.Groups[2].Value,
                ["locality"] = address.Groups[3].Value,
                ["country"] = "DE",
            }));
        }

        identity.SetScopes(scopes);
        identity.SetResources(DevelopmentClients.ApiAudience);
        identity.SetDestinations(claim => claim.Type switch
        {
            // The subject goes everywhere by default; the rest to both tokens, so the API and the
            // browser session see the same claims.
            Claims.Name or Claims.Email or Claims.Role or Claims.Address or "department" or "egov_realm" or "acr"
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return identity;
    }

    /// <summary>"Musterweg 12, 58507 Lüdenscheid" → street and number, postcode, town.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(.+), (\d{5}) (.+)$")]
    private static partial System.Text.RegularExpressions.Regex AddressPattern();

    /// <summary>Claims of a service client (client-credentials grant): no realm, no roles.</summary>
    public static System.Security.Claims.ClaimsIdentity CreateClientIdentity(string clientId, IEnumerable<string> scopes)
    {
        var identity = new System.Security.Claims.ClaimsIdentity(
            Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, clientId);
        identity.SetScopes(scopes);
        identity.SetResources(DevelopmentClients.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return identity;
    }
}
