using Lib.Net.Http.WebPush.Authentication;

namespace Egov.Modules.Outreach.Features.Push;

/// <summary>
/// Corrects the VAPID <c>aud</c> for push services on a port other than the scheme's default.
/// RFC 8292 §2 makes <c>aud</c> the origin of the push resource, and an origin includes a
/// non-default port (RFC 6454 §4); Lib.Net.Http.WebPush 3.3.1 builds it from scheme and host only.
/// The public push services all listen on 443, where both agree, so this only changes requests to
/// push services on other ports (self-hosted ones, the fakes of tests): their JWT is signed again
/// for the right audience, with the same keys, cache and lifetime.
/// </summary>
internal sealed class VapidAudienceHandler(VapidAuthentication vapid) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsDefaultPort: false } uri
            && string.Equals(request.Headers.Authorization?.Scheme, "vapid", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = new("vapid", vapid.GetVapidSchemeAuthenticationHeaderValueParameter(uri.GetLeftPart(UriPartial.Authority)));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
