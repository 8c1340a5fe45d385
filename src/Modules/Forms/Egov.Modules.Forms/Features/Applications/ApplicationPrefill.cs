using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Domain;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// Prefills a new draft from what the identity provider vouches for. A form asks for it with the
/// annotation <c>"x-egov-prefill"</c> on a schema property: <c>name</c>, <c>givenName</c>,
/// <c>familyName</c>, <c>email</c>, or <c>address</c> (an object with street, houseNumber,
/// postalCode, city, filled from the OIDC address claim). The citizen can still change every value.
/// </summary>
internal static class ApplicationPrefill
{
    public const string Keyword = "x-egov-prefill";

    public static JsonObject From(JsonElement schema, Applicant applicant)
    {
        var data = new JsonObject();
        Walk(schema, schema, data, applicant);
        return data;
    }

    private static void Walk(JsonElement root, JsonElement schema, JsonObject target, Applicant applicant)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var node = property.Value;
            if (node.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (node.TryGetProperty(Keyword, out var what) && Value(what.GetString(), applicant) is { } value)
            {
                target[property.Name] = value;
                continue;
            }

            var resolved = Resolve(root, node);
            if (resolved.TryGetProperty("properties", out _))
            {
                var child = new JsonObject();
                Walk(root, resolved, child, applicant);
                if (child.Count > 0)
                {
                    target[property.Name] = child;
                }
            }
        }
    }

    private static JsonNode? Value(string? what, Applicant applicant)
    {
        var (given, family) = SplitName(applicant.Name);
        return what switch
        {
            "name" when applicant.Name is { Length: > 0 } name => name,
            "givenName" when given is not null => given,
            "familyName" when family is not null => family,
            "email" when applicant.Email is { Length: > 0 } email => email,
            "address" => Address(applicant.Address),
            _ => null,
        };
    }

    /// <summary>The last word is the family name: right for "Erika Mustermann", to be corrected for others.</summary>
    private static (string? Given, string? Family) SplitName(string? name)
    {
        var trimmed = name?.Trim();
        var space = trimmed?.LastIndexOf(' ') ?? -1;
        return space > 0 ? (trimmed![..space], trimmed[(space + 1)..]) : (null, trimmed);
    }

    /// <summary>OIDC address claim → street, house number (last word of street_address), postcode, city.</summary>
    private static JsonObject? Address(string? claim)
    {
        if (string.IsNullOrWhiteSpace(claim))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(claim);
            var address = document.RootElement;
            var street = address.TryGetProperty("street_address", out var s) ? s.GetString()?.Trim() : null;
            var result = new JsonObject();
            if (street is { Length: > 0 })
            {
                var space = street.LastIndexOf(' ');
                if (space > 0 && char.IsDigit(street[space + 1]))
                {
                    result["street"] = street[..space];
                    result["houseNumber"] = street[(space + 1)..];
                }
                else
                {
                    result["street"] = street;
                }
            }

            if (address.TryGetProperty("postal_code", out var postalCode) && postalCode.GetString() is { Length: > 0 } code)
            {
                result["postalCode"] = code;
            }

            if (address.TryGetProperty("locality", out var locality) && locality.GetString() is { Length: > 0 } city)
            {
                result["city"] = city;
            }

            return result.Count > 0 ? result : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement node)
    {
        for (var depth = 0; depth < 10 && node.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer
             && pointer.StartsWith("#/", StringComparison.Ordinal); depth++)
        {
            var target = root;
            foreach (var segment in pointer[2..].Split('/'))
            {
                if (!target.TryGetProperty(segment, out target))
                {
                    return node;
                }
            }

            node = target;
        }

        return node;
    }
}
