using System.Security.Claims;
using System.Text.Json;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Text;

namespace Egov.Host.Identity;

/// <summary>
/// Turns the claims of one trusted issuer's token into Egov's claims (<see cref="EgovClaimTypes"/>):
/// subject, name, e-mail, roles (mapped, and limited to the realm: a citizen provider can never
/// grant a staff role), department, realm and assurance level.
/// </summary>
internal static class ClaimsNormalizer
{
    /// <summary>BundID (STORK QAA) and eIDAS level values → Egov assurance levels.</summary>
    private static readonly Dictionary<string, string> KnownAssuranceLevels = new(StringComparer.Ordinal)
    {
        ["STORK-QAA-Level-1"] = AssuranceLevels.Basic,
        ["STORK-QAA-Level-2"] = AssuranceLevels.Basic,
        ["STORK-QAA-Level-3"] = AssuranceLevels.Substantial,
        ["STORK-QAA-Level-4"] = AssuranceLevels.High,
        ["http://eidas.europa.eu/LoA/low"] = AssuranceLevels.Basic,
        ["http://eidas.europa.eu/LoA/substantial"] = AssuranceLevels.Substantial,
        ["http://eidas.europa.eu/LoA/high"] = AssuranceLevels.High,
        [AssuranceLevels.Basic] = AssuranceLevels.Basic,
        [AssuranceLevels.Substantial] = AssuranceLevels.Substantial,
        [AssuranceLevels.High] = AssuranceLevels.High,
    };

    /// <summary>The normalised principal, or <c>null</c> when the token names no subject (such a token is refused).</summary>
    public static ClaimsPrincipal? NormalizePrincipal(ClaimsPrincipal source, TrustedIssuerSettings issuer, string authenticationType) =>
        Normalize(source, issuer, authenticationType) is { } identity ? new ClaimsPrincipal(identity) : null;

    /// <summary>
    /// The normalised identity, or <c>null</c> when the token names no subject (such a token is refused).
    /// </summary>
    public static ClaimsIdentity? Normalize(ClaimsPrincipal source, TrustedIssuerSettings issuer, string authenticationType)
    {
        var mapping = issuer.Claims;
        var subject = Values(source, mapping.Subject).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var identity = new ClaimsIdentity(authenticationType, EgovClaimTypes.Name, EgovClaimTypes.Role);
        identity.AddClaim(new Claim(EgovClaimTypes.Subject, subject));
        identity.AddClaim(new Claim(EgovClaimTypes.Issuer, source.FindFirst("iss")?.Value ?? issuer.ExpectedIssuer));
        AddFirst(identity, EgovClaimTypes.Name, Values(source, mapping.Name));
        AddFirst(identity, EgovClaimTypes.Email, Values(source, mapping.Email));
        AddFirst(identity, EgovClaimTypes.Address, Values(source, mapping.Address));
        foreach (var department in Values(source, mapping.Department).Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal))
        {
            // A staff member may work for several departments; the first is the one /me reports.
            identity.AddClaim(new Claim(EgovClaimTypes.Department, department));
        }

        var realm = !string.IsNullOrWhiteSpace(issuer.Realm)
            ? issuer.Realm
            : mapping.Realm is null ? null : Values(source, mapping.Realm).FirstOrDefault();
        if (realm is EgovRealms.Citizen or EgovRealms.Staff)
        {
            identity.AddClaim(new Claim(EgovClaimTypes.Realm, realm));
            foreach (var role in Roles(source, issuer, realm))
            {
                identity.AddClaim(new Claim(EgovClaimTypes.Role, role));
            }
        }

        var acr = Values(source, mapping.AssuranceLevel).FirstOrDefault();
        if (acr is not null &&
            (issuer.AssuranceLevelMap.TryGetValue(acr, out var level) || KnownAssuranceLevels.TryGetValue(acr, out level)))
        {
            identity.AddClaim(new Claim(EgovClaimTypes.AssuranceLevel, level));
        }

        return identity;
    }

    private static HashSet<string> Roles(ClaimsPrincipal source, TrustedIssuerSettings issuer, string realm)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);

        // Whoever a citizen-account provider vouches for is a citizen; it needs to send no role.
        if (realm == EgovRealms.Citizen)
        {
            roles.Add(EgovRoles.Citizen);
            return roles;
        }

        foreach (var value in Values(source, issuer.Claims.Roles))
        {
            var mapped = issuer.RoleMap.TryGetValue(value, out var target) ? target : value;
            var known = EgovRoles.All.FirstOrDefault(r => string.Equals(r, mapped, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                continue;
            }

            // A staff provider vouches for staff roles only.
            if (known != EgovRoles.Citizen)
            {
                roles.Add(known);
            }
        }

        return roles;
    }

    private static void AddFirst(ClaimsIdentity identity, string type, IEnumerable<string> values)
    {
        var value = values.FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }

    /// <summary>
    /// Values at a claim path: <c>role</c> is a (possibly repeated) claim; <c>realm_access.roles</c>
    /// is the claim <c>realm_access</c> holding a JSON object whose <c>roles</c> member is read. Each
    /// value is cleaned by <see cref="InputText.Clean"/> (NFC, no control characters), so that a name
    /// a provider sends decomposed ("Mu\u0308ller") is the same name that staff type ("Müller").
    /// </summary>
    internal static IEnumerable<string> Values(ClaimsPrincipal source, string path) => RawValues(source, path).Select(InputText.Clean);

    private static IEnumerable<string> RawValues(ClaimsPrincipal source, string path)
    {
        var segments = path.Split('.');
        foreach (var claim in source.FindAll(segments[0]))
        {
            if (segments.Length == 1)
            {
                if (claim.Value.StartsWith('['))
                {
                    foreach (var item in Strings(Parse(claim.Value)))
                    {
                        yield return item;
                    }
                }
                else
                {
                    yield return claim.Value;
                }

                continue;
            }

            var element = Parse(claim.Value);
            foreach (var segment in segments.Skip(1))
            {
                element = element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(segment, out var child) ? child : null;
            }

            foreach (var item in Strings(element))
            {
                yield return item;
            }
        }
    }

    private static JsonElement? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => [e.GetString()!],
        { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!),
        _ => [],
    };
}
