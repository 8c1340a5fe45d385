using Egov.SharedKernel.Security;

namespace Egov.Host.Identity;

/// <summary>
/// Identity settings, configuration section <c>Identity</c>. Egov trusts external OpenID
/// providers for tokens and browser logins and stores no passwords; see docs/security.md.
/// </summary>
internal sealed class IdentitySettings
{
    public const string SectionName = "Identity";

    /// <summary>Issuers whose JWT access tokens the API accepts.</summary>
    public List<TrustedIssuerSettings> TrustedIssuers { get; set; } = [];

    /// <summary>The development OpenID provider mounted in the host.</summary>
    public DevelopmentProviderSettings Development { get; set; } = new();

    /// <summary>The browser login (cookie + OpenID Connect).</summary>
    public WebLoginSettings Web { get; set; } = new();

    /// <summary>
    /// Tolerated clock difference between the issuer and Egov when checking <c>exp</c> and <c>nbf</c>
    /// (default 30 s, far below the library default of 5 min, so revoked sessions end promptly).
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>One identity provider whose access tokens are accepted.</summary>
internal sealed class TrustedIssuerSettings
{
    /// <summary>Short unique name, e.g. <c>keycloak-staff</c>; used in the scheme name <c>Bearer.{Name}</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Authority: discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "";

    /// <summary>Expected <c>iss</c> when it differs from <see cref="Authority"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c> (default <c>egov-api</c>).</summary>
    public string Audience { get; set; } = "egov-api";

    /// <summary><c>citizen</c> or <c>staff</c>; empty when <see cref="ClaimMapping.Realm"/> names a claim instead.</summary>
    public string? Realm { get; set; }

    /// <summary>Where the provider puts subject, name, roles and so on.</summary>
    public ClaimMapping Claims { get; set; } = new();

    /// <summary>Provider role name → Egov role (<see cref="EgovRoles"/>); names equal to an Egov role map to it anyway.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Provider <c>acr</c> value → <c>basic</c>, <c>substantial</c> or <c>high</c>, added to the built-in BundID/eIDAS values.</summary>
    public Dictionary<string, string> AssuranceLevelMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Allow an <c>http://</c> authority (development and tests only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string ExpectedIssuer => Issuer ?? Authority;
}

/// <summary>
/// Claim names or JSON paths (dot-separated, e.g. Keycloak <c>realm_access.roles</c>) in the
/// provider's tokens.
/// </summary>
internal sealed class ClaimMapping
{
    public string Subject { get; set; } = "sub";

    public string Name { get; set; } = "name";

    public string Email { get; set; } = "email";

    /// <summary>OIDC <c>address</c> claim (a JSON object), used to prefill application forms.</summary>
    public string Address { get; set; } = "address";

    /// <summary>Keycloak <c>realm_access.roles</c>, Entra ID <c>roles</c>, plain <c>role</c>.</summary>
    public string Roles { get; set; } = "role";

    public string Department { get; set; } = "department";

    public string AssuranceLevel { get; set; } = "acr";

    /// <summary>A claim holding the realm, for providers serving both populations (the development provider).</summary>
    public string? Realm { get; set; }
}

/// <summary>The development provider (OpenIddict) with seeded users; never in Production.</summary>
internal sealed class DevelopmentProviderSettings
{
    /// <summary>Mount it (default: true in appsettings.Development.json only). Production refuses to start with it.</summary>
    public bool Enabled { get; set; }

    /// <summary>Its issuer URI, which must be the host's public base address (default <c>http://localhost:5080/</c>).</summary>
    public string Issuer { get; set; } = "http://localhost:5080/";
}

/// <summary>The browser login: an OpenID Connect client of the staff/citizen provider.</summary>
internal sealed class WebLoginSettings
{
    /// <summary>Authority of the provider; empty means the development provider when it is enabled, else no browser login.</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "egov-web";

    /// <summary>Client secret of <see cref="ClientId"/>; keep it in a secret store, not in appsettings.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Name of the trusted issuer whose claim mapping applies to browser logins.</summary>
    public string? TrustedIssuer { get; set; }

    /// <summary>Scopes asked for at login (default openid, profile, email, roles; Entra ID wants no <c>roles</c>).</summary>
    public List<string> Scopes { get; set; } = ["openid", "profile", "email", "roles"];

    /// <summary>How long a browser session lasts without activity (default 8 h, a working day); renewed while used.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long a browser session lasts at most from sign-in, however busy (default 12 h): then the
    /// user signs in again, so a session taken over unnoticed does not live for ever.
    /// </summary>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
