namespace Egov.SharedKernel.Security;

/// <summary>
/// Claim types of an authenticated Egov principal. Every trusted issuer's tokens are normalised to
/// these, whatever the provider calls them (Keycloak <c>realm_access.roles</c>, Entra <c>roles</c>, …).
/// <c>sub</c> stays <c>sub</c>: no legacy claim renaming.
/// </summary>
public static class EgovClaimTypes
{
    /// <summary>The subject identifier at the issuer (OIDC Core §2 <c>sub</c>).</summary>
    public const string Subject = "sub";

    /// <summary>Display name.</summary>
    public const string Name = "name";

    /// <summary>E-mail address.</summary>
    public const string Email = "email";

    /// <summary>Postal address as the OIDC <c>address</c> claim (JSON object: street_address, postal_code, locality, country; OIDC Core §5.1.1).</summary>
    public const string Address = "address";

    /// <summary>One claim per Egov role (<see cref="EgovRoles"/>).</summary>
    public const string Role = "role";

    /// <summary>The organisational unit of a staff member, e.g. <c>public-order</c>.</summary>
    public const string Department = "department";

    /// <summary><c>citizen</c> or <c>staff</c>: which population the principal belongs to.</summary>
    public const string Realm = "egov_realm";

    /// <summary>Assurance level: <c>basic</c>, <c>substantial</c> or <c>high</c> (see <see cref="AssuranceLevels"/>).</summary>
    public const string AssuranceLevel = "egov_assurance";

    /// <summary>The issuer the principal came from (<c>iss</c> of its token).</summary>
    public const string Issuer = "iss";
}

/// <summary>The two realms of principals.</summary>
public static class EgovRealms
{
    /// <summary>Citizens, from a citizen-account identity provider (e.g. BundID, a state's service account).</summary>
    public const string Citizen = "citizen";

    /// <summary>City staff, from the city's identity provider (e.g. Keycloak, Entra ID).</summary>
    public const string Staff = "staff";
}

/// <summary>
/// Assurance levels of an electronic identification, as eIDAS (Regulation (EU) No 910/2014, Art. 8)
/// defines them and the federal citizen account (BundID) reports them: <c>basic</c> (user name and
/// password), <c>substantial</c> (e.g. ELSTER certificate), <c>high</c> (online ID card, eID).
/// </summary>
public static class AssuranceLevels
{
    public const string Basic = "basic";

    public const string Substantial = "substantial";

    public const string High = "high";

    /// <summary>Rank for comparisons: basic 1, substantial 2, high 3, anything else 0.</summary>
    public static int Rank(string? level) => level switch
    {
        Basic => 1,
        Substantial => 2,
        High => 3,
        _ => 0,
    };
}
