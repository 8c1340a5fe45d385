using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Egov.SharedKernel.Hosting;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// Public, time-limited links to a post's images, for platforms that fetch images themselves instead of taking an
/// upload: Instagram ("We cURL media used in publishing attempts, so the media must be hosted on a publicly
/// accessible server at the time of the attempt", Content Publishing) and Threads (<c>image_url</c>). A link is
/// <c>{Egov:PublicBaseAddress}api/v1/outreach/public-media/{token}</c> (the address the internet reaches Egov at); the token is the image's id protected
/// by ASP.NET Core data protection with an expiry (<see cref="Lifetime"/>), so links cannot be guessed or reused later.
/// </summary>
internal sealed class PublicMediaLinks(IDataProtectionProvider protection, IOptions<PublicSiteOptions> site, TimeProvider time)
{
    /// <summary>How long a link works: long enough for the platform to fetch during one attempt's container step.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Egov.Outreach.PublicMedia.v1").ToTimeLimitedDataProtector();

    /// <summary>The public link to image <paramref name="mediaId"/>.</summary>
    public Uri For(Guid mediaId)
    {
        var token = Protector.Protect(mediaId.ToString("N", CultureInfo.InvariantCulture), time.GetUtcNow() + Lifetime);
        return site.Value.Link("api/v1/outreach/public-media/" + token);
    }

    /// <summary>The image a token names, or null when it is malformed, forged or expired.</summary>
    public Guid? Resolve(string token)
    {
        try
        {
            return Guid.TryParseExact(Protector.Unprotect(token, out _), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
