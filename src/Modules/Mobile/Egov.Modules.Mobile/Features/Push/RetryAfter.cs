using System.Net.Http.Headers;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>Reads <c>Retry-After</c> (RFC 9110 §10.2.3): seconds or an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        var value = headers?.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
