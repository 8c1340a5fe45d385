using Egov.SharedKernel.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Egov.Host.Identity.Sessions;

/// <summary>
/// CSRF defence for the API beyond <c>SameSite=Lax</c>: an unsafe request (anything but GET, HEAD,
/// OPTIONS, TRACE; RFC 9110 §9.2.1) to <c>/api</c> that is authenticated by the session cookie must
/// come from this site — <c>Origin</c> equal to the request's own origin or to
/// <c>Egov:PublicBaseAddress</c>, or, without <c>Origin</c>, <c>Sec-Fetch-Site: same-origin</c> or
/// <c>none</c> (Fetch Metadata) — or carry a valid antiforgery token (header
/// <c>RequestVerificationToken</c>, or the form field). Otherwise 403 problem details whose
/// <c>reason</c> is <c>cross-origin</c> or <c>origin-unknown</c>. Requests with an
/// <c>Authorization</c> header never use the cookie and are not checked; the portal's pages check
/// their own antiforgery tokens.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next, IAntiforgery antiforgery, IOptions<PublicSiteOptions> site)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Headers.Authorization.Count > 0
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var origin = request.Headers.Origin.ToString();
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var sameOrigin = origin.Length > 0
            ? IsOwnOrigin(origin, request)
            : fetchSite is "same-origin" or "none";
        if (sameOrigin || await antiforgery.IsRequestValidAsync(context))
        {
            await next(context);
            return;
        }

        var reason = origin.Length > 0 || fetchSite.Length > 0 ? "cross-origin" : "origin-unknown";
        await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: reason == "cross-origin"
                    ? $"Cross-site request refused: an API write with the session cookie must come from this site's own pages, but Origin / Sec-Fetch-Site name another ('{(origin.Length > 0 ? origin : fetchSite)}'). Apps and scripts send a bearer token instead."
                    : "Request refused: an API write with the session cookie must show that it comes from this site's own pages (Origin or Sec-Fetch-Site, as browsers send them) or carry an antiforgery token (header RequestVerificationToken). Apps and scripts send a bearer token instead.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = reason })
            .ExecuteAsync(context);
    }

    private bool IsOwnOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (SameOrigin(uri, site.Value.PublicBaseAddress)
            || (Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own) && SameOrigin(uri, own)));

    /// <summary>RFC 6454 §5: same scheme, host and port.</summary>
    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
