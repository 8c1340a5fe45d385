using Microsoft.AspNetCore.Http;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>The two languages of notifications and texts of the device API.</summary>
internal static class DeviceLanguage
{
    public static IReadOnlyList<string> All { get; } = ["de", "en"];

    /// <summary><c>de</c> or <c>en</c> from <c>Accept-Language</c> (by quality); German when neither is asked for.</summary>
    public static string FromRequest(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "de" or "en") ?? "de";
    }
}
