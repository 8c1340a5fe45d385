using System.Net;
using Egov.SharedKernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>Registration of push: settings, senders and the fan-out.</summary>
internal static class PushExtensions
{
    /// <summary>
    /// Registers <see cref="PushOptions"/> (<c>Egov:Push</c>, development keys, validated at startup),
    /// the senders (Web Push always; FCM and APNs when configured), the event handlers' job factory,
    /// and the fan-out as a hosted service.
    /// </summary>
    public static IServiceCollection AddPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.SectionName)).ValidateOnStart();
        services.AddOptions<PushOptions>().PostConfigure<IOptions<PublicSiteOptions>>((push, site) =>
        {
            var address = site.Value.PublicBaseAddress;
            push.Vapid.Subject ??= address.Scheme == "https" ? address.AbsoluteUri : "mailto:push@localhost";
        });
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PushOptions>, DevelopmentVapidKeys>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PushOptions>, PushOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        foreach (var name in new[] { WebPushSender.HttpClientName, FcmSender.HttpClientName, ApnsSender.HttpClientName })
        {
            services.AddHttpClient(name)
                .RemoveAllLoggers()
                .ConfigureHttpClient((sp, http) =>
                {
                    http.Timeout = sp.GetRequiredService<IOptions<PushOptions>>().Value.RequestTimeout;

                    // Push services speak HTTP/2 over TLS (ALPN): many pushes share one connection per
                    // origin instead of one connection each; plain http (a local fake) stays HTTP/1.1.
                    http.DefaultRequestVersion = HttpVersion.Version20;
                    http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
                })
                .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
                {
                    // One push service gets many requests at once during a fan-out, from both lanes
                    // (alert and general), each with up to twice MaxParallelism in flight (slow answers
                    // included): room for both, so routine pushes never take the alert's connections.
                    MaxConnectionsPerServer = 4 * sp.GetRequiredService<IOptions<PushOptions>>().Value.MaxParallelism,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    EnableMultipleHttp2Connections = true,

                    // A connection that cannot be opened within the request timeout is as dead as an endpoint that does not answer.
                    ConnectTimeout = sp.GetRequiredService<IOptions<PushOptions>>().Value.RequestTimeout,

                    // A push service answers 201 or an error; a redirect would send the encrypted payload and the
                    // VAPID token wherever a registered endpoint points to (SSRF past the allowed hosts).
                    AllowAutoRedirect = false,

                    // No cookie jar shared by every citizen's subscription, and no trace context handed to
                    // Google, Mozilla, Microsoft or Apple (each also costs work per push).
                    UseCookies = false,
                    ActivityHeadersPropagator = null,
                });
        }

        services.AddSingleton<VapidTokenCache>();
        services.AddSingleton<IPushSender, WebPushSender>();
        services.AddSingleton<IPushSender, FcmSender>();
        services.AddSingleton<IPushSender, ApnsSender>();
        services.AddSingleton<PushLinks>();
        services.AddSingleton<PushJobs>();
        services.AddSingleton<PushFanOut>();
        services.AddHostedService(sp => sp.GetRequiredService<PushFanOut>());
        return services;
    }
}
