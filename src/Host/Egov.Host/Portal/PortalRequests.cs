namespace Egov.Host.Portal;

/// <summary>Tells a browser's page request from an API call, so errors are answered in the caller's language: a page or RFC 9457 problem details.</summary>
internal static class PortalRequests
{
    private static readonly string[] MachinePaths = ["/api", "/connect", "/feeds", "/health", "/openapi", "/.well-known", "/scalar"];

    /// <summary>
    /// True for a request a person's browser makes for a page: <c>Accept</c> names <c>text/html</c>
    /// (browsers send it on every navigation and form post) and the path is none of the machine
    /// interfaces (<c>/api</c>, <c>/connect</c>, feeds, health, OpenAPI), which always answer with problem details.
    /// </summary>
    public static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && !IsMachinePath(request.Path);

    /// <summary>True for the machine interfaces (<c>/api</c>, <c>/connect</c>, feeds, health, OpenAPI), which always answer with problem details.</summary>
    public static bool IsMachinePath(PathString path) =>
        MachinePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
