using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace Egov.SharedKernel.Reads;

/// <summary>
/// Lets a read handler say until when its answer holds without any write: the earliest instant at
/// which something in it expires by time alone (an announcement's expiry, an alert's CAP
/// <c>expires</c>). A cached answer is not served past that instant. Scoped to the request; a
/// no-op outside a cached request (background work, uncached endpoints).
/// </summary>
public sealed class PublicReadFreshness(IHttpContextAccessor accessor, TimeProvider time)
{
    /// <summary>The answer being made must not be served after <paramref name="instant"/> (UTC; null: no limit).</summary>
    public void NotAfter(DateTimeOffset? instant)
    {
        if (instant is not { } until || accessor.HttpContext?.Features.Get<IOutputCacheFeature>()?.Context is not { } context)
        {
            return;
        }

        var left = until - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            context.AllowCacheStorage = false;
        }
        else if (context.ResponseExpirationTimeSpan is not { } current || left < current)
        {
            context.ResponseExpirationTimeSpan = left;
        }
    }

    /// <summary><see cref="NotAfter(DateTimeOffset?)"/> with the earliest of <paramref name="instants"/>.</summary>
    public void NotAfter(IEnumerable<DateTimeOffset?> instants)
    {
        ArgumentNullException.ThrowIfNull(instants);
        NotAfter(instants.Where(i => i is not null).DefaultIfEmpty(null).Min());
    }
}
