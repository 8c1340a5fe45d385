using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>How long a platform asked us to wait before the next request.</summary>
internal static class PlatformRetryAfter
{
    /// <summary>
    /// In this order: the <c>Retry-After</c> header (RFC 9110 §10.2.3, seconds or an HTTP date); on a 429
    /// the reset of the rate limit — Mastodon's <c>X-RateLimit-Reset</c> (an ISO 8601 time,
    /// https://docs.joinmastodon.org/api/rate-limits/) or Bluesky's <c>ratelimit-reset</c> (Unix seconds,
    /// https://docs.bsky.app/docs/advanced-guides/rate-limits) — or Telegram's <c>parameters.retry_after</c>
    /// in the body (seconds, https://core.telegram.org/bots/api#responseparameters). Null when none says.
    /// </summary>
    public static async ValueTask<TimeSpan?> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
            if (wait is { } value)
            {
                return value < TimeSpan.Zero ? TimeSpan.Zero : value;
            }
        }

        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        foreach (var name in (string[])["X-RateLimit-Reset", "ratelimit-reset"])
        {
            if (response.Headers.TryGetValues(name, out var values) && ResetTime(values.First()) is { } reset)
            {
                return reset > now ? reset - now : TimeSpan.Zero;
            }
        }

        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        if (body is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty("parameters", out var parameters)
            && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("retry_after", out var seconds)
            && seconds.TryGetInt32(out var retryAfterSeconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, retryAfterSeconds));
        }

        return null;
    }

    private static DateTimeOffset? ResetTime(string value)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset) ? reset : null;
    }
}
