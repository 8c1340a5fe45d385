using Egov.Host.Identity.Development;
using Egov.Host.Identity.Sessions;
using Egov.SharedKernel.Persistence;
using Egov.SharedKernel.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Egov.Host.Identity;

/// <summary>
/// Authentication and authorization of the host. API callers present JWT access tokens of a trusted
/// issuer (one bearer scheme per issuer); browsers hold a cookie session from an OpenID Connect
/// login. The default scheme picks bearer when an <c>Authorization</c> header is present, else the
/// cookie; API requests are never redirected, they get 401 or 403 problems.
/// </summary>
internal static partial class IdentityExtensions
{
    public const string SelectorScheme = "Egov";
    public const string ChallengeSelectorScheme = "Egov.Challenge";
    public const string CookieScheme = "Egov.Session";
    public const string OidcScheme = "oidc";
    public const string DevelopmentIssuerName = "development";

    /// <summary>Only asymmetric signatures: refuses <c>alg: none</c> and HS256 "key confusion" tokens.</summary>
    private static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static WebApplicationBuilder AddEgovIdentity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentitySettings.SectionName);
        var settings = section.Get<IdentitySettings>() ?? new IdentitySettings();
        builder.Services.Configure<IdentitySettings>(section);

        if (settings.Development.Enabled && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "The development identity provider must not run in Production: set Identity__Development__Enabled=false " +
                "and configure Identity:TrustedIssuers for the city's identity providers.");
        }

        builder.Services.AddEgovDbContext<EgovIdentityDbContext>(builder.Configuration, EgovIdentityDbContext.SchemaName);
        builder.Services.AddDataProtection()
            .SetApplicationName("Egov")
            .PersistKeysToDbContext<EgovIdentityDbContext>();

        var issuers = new List<TrustedIssuerSettings>(settings.TrustedIssuers);
        if (settings.Development.Enabled)
        {
            builder.Services.AddDevelopmentProvider(settings.Development);
            issuers.Add(new TrustedIssuerSettings
            {
                Name = DevelopmentIssuerName,
                Authority = settings.Development.Issuer,
                Audience = DevelopmentClients.ApiAudience,
                Claims = new ClaimMapping { Realm = EgovClaimTypes.Realm },
                RequireHttpsMetadata = false,
            });
        }

        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = SelectorScheme;
            options.DefaultChallengeScheme = ChallengeSelectorScheme;
        });

        foreach (var issuer in issuers)
        {
            authentication.AddJwtBearer(BearerScheme(issuer), options => ConfigureBearer(options, issuer, settings.ClockSkew));
        }

        if (settings.Development.Enabled)
        {
            // The development issuer is this host: take its signing keys directly instead of
            // fetching our own discovery document over HTTP.
            builder.Services.AddOptions<JwtBearerOptions>(BearerScheme(issuers[^1]))
                .Configure<IOptionsMonitor<OpenIddictServerOptions>>((options, server) =>
                {
                    var configuration = new OpenIdConnectConfiguration { Issuer = settings.Development.Issuer };
                    foreach (var credentials in server.CurrentValue.SigningCredentials)
                    {
                        configuration.SigningKeys.Add(credentials.Key);
                    }

                    options.Configuration = configuration;
                });
        }

        var webIssuer = WebIssuer(settings, issuers);

        // Sessions live in the database and the cookie only names one, so logout and an administrator can end them.
        builder.Services.AddSingleton<DatabaseTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
        authentication.AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = ".Egov.Session";
            options.Cookie.HttpOnly = true;

            // Lax, not Strict: Strict drops the cookie on the redirect back from the provider and loops.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = settings.Development.Enabled ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = settings.Web.SessionLifetime;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });

        if (webIssuer is not null)
        {
            authentication.AddOpenIdConnect(OidcScheme, options => ConfigureWebLogin(options, settings, webIssuer, builder.Environment));
        }

        authentication.AddPolicyScheme(SelectorScheme, "Bearer token or browser session", options =>
            options.ForwardDefaultSelector = context => SelectBearer(context, issuers) ?? CookieScheme);
        authentication.AddPolicyScheme(ChallengeSelectorScheme, "401 for API calls, login for pages", options =>
            options.ForwardDefaultSelector = context =>
                SelectBearer(context, issuers)
                ?? (IsApiRequest(context.Request) || webIssuer is null ? CookieScheme : OidcScheme));

        // No fallback policy: it would turn every unknown route into 401 for anonymous callers instead
        // of 404. Instead a test fails when an endpoint declares neither a policy nor AllowAnonymous.
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(EgovPolicies.Authenticated, p => p.RequireAuthenticatedUser().RequireClaim(EgovClaimTypes.Subject))
            .AddPolicy(EgovPolicies.FileApplications, p => p.RequireClaim(EgovClaimTypes.Realm, EgovRealms.Citizen).RequireRole(EgovRoles.Citizen))
            .AddPolicy(EgovPolicies.Staff, p => p.RequireClaim(EgovClaimTypes.Realm, EgovRealms.Staff))
            .AddPolicy(EgovPolicies.HandleCases, p => p.RequireClaim(EgovClaimTypes.Realm, EgovRealms.Staff).RequireRole(EgovRoles.Caseworker, EgovRoles.Administrator))
            .AddPolicy(EgovPolicies.EditContent, p => p.RequireClaim(EgovClaimTypes.Realm, EgovRealms.Staff).RequireRole(EgovRoles.Editor))
            .AddPolicy(EgovPolicies.ApproveContent, p => p.RequireClaim(EgovClaimTypes.Realm, EgovRealms.Staff).RequireRole(EgovRoles.Approver))
            .AddPolicy(EgovPolicies.IssueAlerts, p => p.RequireClaim(EgovClaimTypes.Realm, EgovRealms.Staff).RequireRole(EgovRoles.CrisisManager))
            .AddPolicy(EgovPolicies.Administer, p => p.RequireClaim(EgovClaimTypes.Realm, EgovRealms.Staff).RequireRole(EgovRoles.Administrator));

        builder.Services.AddAntiforgery(options =>
        {
            // Every form post of the portal and of the development provider's login carries its token.
            options.Cookie.Name = ".Egov.Antiforgery";
            options.Cookie.SecurePolicy = settings.Development.Enabled ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapEgovIdentity(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<IdentitySettings>>().Value;
        if (settings.Development.Enabled)
        {
            app.MapDevelopmentProvider();
            WarnWhenIssuerIsNotServed(app, settings.Development.Issuer);
        }

        app.MapMeEndpoint();
        app.MapSessionEndpoints();
        app.MapAccountEndpoints();
        return app;
    }

    /// <summary>
    /// After authentication: a session that cannot be read in a database outage is a 503, and an
    /// API write carried by the session cookie must come from this site (CSRF defence).
    /// </summary>
    public static IApplicationBuilder UseEgovSessionChecks(this IApplicationBuilder app) =>
        app.UseMiddleware<SessionStoreOutage>().UseMiddleware<CrossSiteRequestGuard>();

    public static string BearerScheme(TrustedIssuerSettings issuer) => $"Bearer.{issuer.Name}";

    /// <summary>
    /// Once the server listens: warns when the development provider's issuer is not one of its
    /// addresses (the browser login would fetch discovery from an address nobody serves).
    /// </summary>
    private static void WarnWhenIssuerIsNotServed(WebApplication app, string issuer) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.Count > 0 && Uri.TryCreate(issuer, UriKind.Absolute, out var expected)
                && !addresses.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var listening) && listening.Port == expected.Port))
            {
                LogIssuerNotServed(app.Logger, issuer, string.Join(", ", addresses));
            }
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "The development provider's issuer {Issuer} is not an address this host listens on ({Addresses}); browser login will fail. Set Identity__Development__Issuer to the address clients use.")]
    private static partial void LogIssuerNotServed(ILogger logger, string issuer, string addresses);

    private static void ConfigureBearer(JwtBearerOptions options, TrustedIssuerSettings issuer, TimeSpan clockSkew)
    {
        options.Authority = issuer.Authority;
        options.Audience = issuer.Audience;
        options.RequireHttpsMetadata = issuer.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.ExpectedIssuer,
            ValidAudience = issuer.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = AllowedAlgorithms,
            ClockSkew = clockSkew,
            NameClaimType = EgovClaimTypes.Name,
            RoleClaimType = EgovClaimTypes.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var principal = ClaimsNormalizer.NormalizePrincipal(context.Principal!, issuer, context.Scheme.Name);
                if (principal is null)
                {
                    context.Fail("The token names no subject.");
                }

                context.Principal = principal;
                return Task.CompletedTask;
            },
        };
    }

    private static TrustedIssuerSettings? WebIssuer(IdentitySettings settings, List<TrustedIssuerSettings> issuers)
    {
        if (!string.IsNullOrWhiteSpace(settings.Web.Authority))
        {
            // The session's claims are normalised with that issuer's mapping (realm, roles, …);
            // without one every browser user would end up without realm and roles.
            return issuers.FirstOrDefault(i => i.Name == settings.Web.TrustedIssuer)
                ?? throw new InvalidOperationException(
                    $"Identity:Web:TrustedIssuer must name one of Identity:TrustedIssuers (found '{settings.Web.TrustedIssuer}'); " +
                    "its claim mapping applies to browser sessions.");
        }

        return settings.Development.Enabled ? issuers.Single(i => i.Name == DevelopmentIssuerName) : null;
    }

    private static void ConfigureWebLogin(
        OpenIdConnectOptions options, IdentitySettings settings, TrustedIssuerSettings issuer, IHostEnvironment environment)
    {
        options.SignInScheme = CookieScheme;
        options.Authority = string.IsNullOrWhiteSpace(settings.Web.Authority) ? issuer.Authority : settings.Web.Authority;
        options.ClientId = settings.Web.ClientId;
        options.ClientSecret = settings.Web.ClientSecret
            ?? (issuer.Name == DevelopmentIssuerName ? DevelopmentClients.WebClientSecret : null);
        options.RequireHttpsMetadata = !environment.IsDevelopment() && issuer.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;

        // Query, not form_post: the callback is then a top-level GET, which SameSite=Lax cookies survive.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.HttpOnly = true;
            cookie.SecurePolicy = settings.Development.Enabled ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        }

        options.MapInboundClaims = false;

        // The normaliser decides which claims the session keeps; the handler's default claim
        // actions would delete some of them (iss, acr, …) after it ran.
        options.ClaimActions.Clear();
        options.SaveTokens = true;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        foreach (var scope in settings.Web.Scopes)
        {
            options.Scope.Add(scope);
        }

        options.TokenValidationParameters.NameClaimType = EgovClaimTypes.Name;
        options.TokenValidationParameters.RoleClaimType = EgovClaimTypes.Role;
        options.TokenValidationParameters.ClockSkew = settings.ClockSkew;
        options.SignedOutRedirectUri = "/account/signed-out";
        options.Events.OnRemoteFailure = SignInFailure.HandleAsync;
        options.Events.OnTokenValidated = context =>
        {
            var principal = ClaimsNormalizer.NormalizePrincipal(context.Principal!, issuer, CookieScheme);
            if (principal is null)
            {
                context.Fail("The ID token names no subject.");
            }

            context.Principal = principal;
            return Task.CompletedTask;
        };
    }

    /// <summary>The bearer scheme of the token's issuer, or null when the request carries no bearer token.</summary>
    private static string? SelectBearer(HttpContext context, List<TrustedIssuerSettings> issuers)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        if (issuers.Count == 0)
        {
            return CookieScheme;
        }

        // Only to pick the scheme; the chosen scheme then validates everything, issuer included.
        const string prefix = "Bearer ";
        if (issuers.Count > 1 && header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && JwtIssuer.Read(header.AsSpan(prefix.Length).Trim()) is { } issuer)
        {
            var match = issuers.FirstOrDefault(i => SameIssuer(i.ExpectedIssuer, issuer));
            if (match is not null)
            {
                return BearerScheme(match);
            }
        }

        // One trusted issuer, or a token that names none of them or cannot be read: the first
        // issuer's scheme refuses what is not its own with 401.
        return BearerScheme(issuers[0]);
    }

    private static bool SameIssuer(string expected, string actual) =>
        string.Equals(expected.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.Ordinal);

    private static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        if (statusCode == StatusCodes.Status401Unauthorized)
        {
            // RFC 9110 §11.6.1: a 401 names the scheme to use.
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return Task.CompletedTask;
    }
}
