using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Egov.SharedKernel.Reads;

/// <summary>Who an endpoint's answer may be shared with.</summary>
public enum PublicReadAudience
{
    /// <summary>The answer never depends on the caller (public API reads and feeds): shared even with signed-in callers and token bearers.</summary>
    Everyone,

    /// <summary>
    /// The answer depends on the caller when someone is signed in (portal pages show the account):
    /// shared only between callers with neither an <c>Authorization</c> header nor a session cookie.
    /// </summary>
    Anonymous,
}

/// <summary>
/// The output-cache policy of a public read (ADR 0015): GET and HEAD, keyed by path, host, every
/// query parameter and the endpoint's variant (e.g. the language chosen from <c>Accept-Language</c>);
/// tagged with the current generation of each region the answer is made from; only <c>200</c>
/// answers without cookies and without <c>no-store</c>/<c>private</c> are stored.
/// </summary>
public sealed class PublicReadCachePolicy : IOutputCachePolicy
{
    /// <summary>Name prefix of the session cookie (and its chunks) of signed-in browsers.</summary>
    public const string SessionCookiePrefix = ".Egov.Session";

    private readonly string[] _regions;
    private readonly PublicReadAudience _audience;
    private readonly Func<HttpContext, string>? _variant;
    private readonly bool _page;

    /// <param name="regions">Regions the answer is made from (e.g. <c>announcements</c>); a change to any invalidates it.</param>
    /// <param name="audience">Who the answer may be shared with.</param>
    /// <param name="variant">The variant of the answer beyond path and query (e.g. the language from <c>Accept-Language</c>), or null.</param>
    /// <param name="page">Whether the answer is a portal page: it then also depends on the regions of the page layout (<see cref="PublicPageLayout"/>).</param>
    /// <exception cref="ArgumentException">No region named, and not a page.</exception>
    public PublicReadCachePolicy(IReadOnlyCollection<string> regions, PublicReadAudience audience, Func<HttpContext, string>? variant = null, bool page = false)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0 && !page)
        {
            throw new ArgumentException("Name at least one region.", nameof(regions));
        }

        _regions = [.. regions];
        _audience = audience;
        _variant = variant;
        _page = page;
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var generations = http.RequestServices.GetRequiredService<PublicReadGenerations>();
        if (!generations.CachingAllowed
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || (_audience == PublicReadAudience.Anonymous && IsSignedInCaller(request)))
        {
            return ValueTask.CompletedTask;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<PublicReadOptions>>().Value;
        if (!options.CacheEnabled)
        {
            return ValueTask.CompletedTask;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.MaxAge;
        context.CacheVaryByRules.QueryKeys = "*";
        if (_variant is not null)
        {
            context.CacheVaryByRules.VaryByValues["variant"] = _variant(http);
        }

        // Read before the endpoint reads the database: an answer made from data older than a change
        // carries the generation before that change and is refused by the store.
        foreach (var region in _regions)
        {
            context.Tags.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{region}@{generations.Current(region)}"));
        }

        if (_page)
        {
            foreach (var region in http.RequestServices.GetRequiredService<PublicPageLayout>().Regions)
            {
                context.Tags.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{region}@{generations.Current(region)}"));
            }
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.Headers.CacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static bool IsSignedInCaller(HttpRequest request)
    {
        if (request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization))
        {
            return true;
        }

        foreach (var cookie in request.Cookies)
        {
            if (cookie.Key.StartsWith(SessionCookiePrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
