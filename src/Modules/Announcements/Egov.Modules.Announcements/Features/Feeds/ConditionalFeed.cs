using Egov.SharedKernel.Http;
using Microsoft.AspNetCore.Http;

namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>
/// Feed and calendar answers as the public JSON reads give them (<see cref="ConditionalJson"/>): a
/// strong ETag (the first 32 hex digits of the SHA-256 of the bytes), <c>304 Not Modified</c> when
/// <c>If-None-Match</c> names it or is <c>*</c> (RFC 9110 §13.1.2, weak comparison), and
/// <c>Cache-Control: public, max-age=60</c>. The bytes are the whole document, so the ETag changes
/// exactly when the content does.
/// </summary>
internal static class ConditionalFeed
{
    /// <summary>The answer: 200 with <paramref name="bytes"/> as <paramref name="mediaType"/> (UTF-8), or 304.</summary>
    /// <param name="http">The request.</param>
    /// <param name="bytes">The document (UTF-8).</param>
    /// <param name="mediaType">Media type without parameters, e.g. <c>application/atom+xml</c>; <c>charset=utf-8</c> is added.</param>
    /// <param name="contentLanguage">The <c>Content-Language</c> (BCP 47 tag).</param>
    public static IResult Result(HttpContext http, byte[] bytes, string mediaType, string contentLanguage)
    {
        var etag = EntityTags.OfContent(bytes);
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={ConditionalJson.MaxAgeSeconds}";
        headers.ContentLanguage = contentLanguage;

        // A browser must not guess HTML from a feed whose text it shows.
        headers.XContentTypeOptions = "nosniff";

        return EntityTags.IfNoneMatchMatches(http, etag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(bytes, $"{mediaType}; charset=utf-8");
    }
}
