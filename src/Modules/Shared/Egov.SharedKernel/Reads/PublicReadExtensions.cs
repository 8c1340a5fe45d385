using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Egov.SharedKernel.Reads;

/// <summary>Registration of the public read cache and of the entities it is invalidated by (ADR 0015).</summary>
public static class PublicReadExtensions
{
    /// <summary>
    /// The read cache's services: generations, the invalidation channel (a hosted service), the
    /// output cache with its generation-checking store, and <see cref="PublicReadFreshness"/>.
    /// Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddPublicReads(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(PublicReadGenerations)))
        {
            return services;
        }

        services.AddOptions<PublicReadOptions>().Bind(configuration.GetSection(PublicReadOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PublicReadGenerations>();
        services.AddSingleton<PublicReadChannel>();
        services.AddHostedService(sp => sp.GetRequiredService<PublicReadChannel>());
        services.AddSingleton<PublicReadChangeInterceptor>();
        services.AddHttpContextAccessor();
        services.AddScoped<PublicReadFreshness>();
        services.TryAddSingleton(new PublicPageLayout([]));
        services.AddOutputCache();
        services.AddSingleton<IOutputCacheStore, GenerationalOutputCacheStore>();
        return services;
    }

    /// <summary>Declares that rows of <typeparamref name="TEntity"/> make up <paramref name="region"/>: saving one invalidates the region's cached answers.</summary>
    public static IServiceCollection AddPublicReadSource<TEntity>(this IServiceCollection services, string region) =>
        services.AddSingleton(new PublicReadSource(typeof(TEntity), region));

    /// <summary>
    /// Answers this endpoint from the read cache (see <see cref="PublicReadCachePolicy"/>).
    /// </summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="audience">Who its answers may be shared with.</param>
    /// <param name="variant">Its variant beyond path and query (e.g. the language from <c>Accept-Language</c>), or null.</param>
    /// <param name="regions">The regions its answers are made from.</param>
    public static TBuilder CachePublicRead<TBuilder>(this TBuilder builder, PublicReadAudience audience, Func<HttpContext, string>? variant, params string[] regions)
        where TBuilder : IEndpointConventionBuilder
    {
        var policy = new PublicReadCachePolicy(regions, audience, variant);
        builder.Add(endpoint => endpoint.Metadata.Add(policy));
        return builder;
    }
}
