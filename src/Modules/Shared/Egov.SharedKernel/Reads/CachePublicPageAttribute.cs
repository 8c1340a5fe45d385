using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Egov.SharedKernel.Reads;

/// <summary>
/// Answers a portal page from the read cache for visitors who are not signed in (ADR 0015): one
/// variant per page address and UI language; signed-in visitors always get a page made for them.
/// The page must not write anything visitor-specific for anonymous visitors (no antiforgery token,
/// no cookie: a response that sets one is not stored).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class CachePublicPageAttribute : Attribute, IOutputCachePolicy
{
    private readonly PublicReadCachePolicy _policy;

    /// <param name="regions">The regions the page's own content is made from (e.g. <c>forms</c> for a form page); the layout's (the alert banner) are added (<see cref="PublicPageLayout"/>).</param>
    public CachePublicPageAttribute(params string[] regions)
    {
        Regions = regions;
        _policy = new PublicReadCachePolicy(regions, PublicReadAudience.Anonymous, static _ => CultureInfo.CurrentUICulture.Name, page: true);
    }

    /// <summary>The regions the page is made from.</summary>
    public IReadOnlyList<string> Regions { get; }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ((IOutputCachePolicy)_policy).CacheRequestAsync(context, cancellation);

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ((IOutputCachePolicy)_policy).ServeFromCacheAsync(context, cancellation);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ((IOutputCachePolicy)_policy).ServeResponseAsync(context, cancellation);
}
