using System.Globalization;
using System.Security.Cryptography;
using Egov.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Egov.SharedKernel.Http;

/// <summary>
/// Entity tags of Egov's resources (RFC 9110 §8.8.3) and the two conditional headers: a revision
/// number quoted (<c>"7"</c>) for resources changed with <c>If-Match</c>, a content hash for reads
/// answered with <c>304</c> on <c>If-None-Match</c>.
/// </summary>
public static class EntityTags
{
    /// <summary>The strong tag of a revision number, e.g. <c>"7"</c>.</summary>
    public static string OfRevision(int revision) => string.Create(CultureInfo.InvariantCulture, $"\"{revision}\"");

    /// <summary>A strong tag from content: the first 32 hex digits of its SHA-256, quoted.</summary>
    public static string OfContent(ReadOnlySpan<byte> content) => $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"";

    /// <summary>
    /// The revision named by <c>If-Match</c>: null when the header is absent; -1 (matches nothing)
    /// for a weak or foreign tag, since If-Match compares strongly (RFC 9110 §13.1.1).
    /// </summary>
    /// <exception cref="PreconditionRequiredException"><c>If-Match: *</c>, which would skip the check.</exception>
    public static int? IfMatchRevision(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (value == "*")
        {
            throw new PreconditionRequiredException("If-Match: * is not accepted here; send the ETag as you last read it.");
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : -1;
    }

    /// <summary>Whether <c>If-None-Match</c> names <paramref name="etag"/>: weak comparison, <c>*</c> matches any (RFC 9110 §13.1.2).</summary>
    public static bool IfNoneMatchMatches(HttpContext http, string etag)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Headers.IfNoneMatch
            .SelectMany(v => (v ?? "").Split(','))
            .Select(t => t.Trim())
            .Any(t => t == "*" || t == etag || t == "W/" + etag || "W/" + t == etag);
    }
}
