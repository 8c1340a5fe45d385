using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Egov.SharedKernel.Http;

/// <summary>
/// JSON answers of public reads with a strong ETag (the first 32 hex digits of the SHA-256 of the
/// bytes) and <c>304 Not Modified</c> when <c>If-None-Match</c> names it (RFC 9110 §13.1.2);
/// <c>Cache-Control: public, max-age</c> lets the app and proxies keep them briefly.
/// </summary>
public static class ConditionalJson
{
    /// <summary>How long clients and shared caches may reuse a public read without asking (seconds).</summary>
    public const int MaxAgeSeconds = 60;

    /// <summary>
    /// The answer: 200 with <paramref name="value"/> as JSON (the host's serializer options, UTF-8),
    /// or 304 when <c>If-None-Match</c> names its tag; with <c>ETag</c>, <c>Cache-Control</c>,
    /// <c>Vary: Accept-Language</c> and, when given, <c>Content-Language</c>.
    /// </summary>
    public static IResult Result<T>(HttpContext http, T value, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var etag = EntityTags.OfContent(bytes);
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        headers.Vary = HeaderNames.AcceptLanguage;
        if (language is not null)
        {
            headers.ContentLanguage = language;
        }

        return EntityTags.IfNoneMatchMatches(http, etag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    /// <summary>
    /// The language variant of a request: <c>lang</c> from the query string, else the language chosen
    /// from <c>Accept-Language</c> (see <see cref="Language(HttpContext, string?)"/>); the read
    /// cache's key for answers that depend on it.
    /// </summary>
    public static string Variant(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Language(http, http.Request.Query["lang"].ToString());
    }

    /// <summary>The language asked for by <c>lang</c>, else <c>Accept-Language</c> (de, en, de-x-ls), else German.</summary>
    public static string Language(HttpContext http, string? lang)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!string.IsNullOrWhiteSpace(lang))
        {
            // A language Egov does not serve falls back to German, and says so in Content-Language.
            var asked = lang.Trim().ToLowerInvariant();
            return asked is "de" or "en" or "de-x-ls" ? asked : "de";
        }

        return http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.ToLowerInvariant())
            .Select(l => l is "de-x-ls" ? l : l?.Split('-')[0])
            .FirstOrDefault(l => l is "de" or "en" or "de-x-ls") ?? "de";
    }
}
