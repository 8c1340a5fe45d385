using Egov.Modules.Outreach.Features.Devices;
using Egov.SharedKernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Push;

/// <summary>Registration of device registrations and push.</summary>
internal static class PushExtensions
{
    /// <summary>
    /// Registers <see cref="PushOptions"/> (<c>Egov:Push</c>, development keys, validated at startup),
    /// the senders (Web Push always; FCM and APNs when configured), the event handlers' job factory,
    /// the fan-out as a hosted service, the device secrets and the registration rate limit.
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
                .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<PushOptions>>().Value.RequestTimeout)
                .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
                {
                    // One push service gets many requests at once during a fan-out, from both lanes
                    // (alert and general): room for both, so routine pushes never take the alert's connections.
                    MaxConnectionsPerServer = 2 * sp.GetRequiredService<IOptions<PushOptions>>().Value.MaxParallelism,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    EnableMultipleHttp2Connections = true,
                });
        }

        services.AddSingleton<VapidTokenCache>();
        services.AddSingleton<IPushSender, WebPushSender>();
        services.AddSingleton<IPushSender, FcmSender>();
        services.AddSingleton<IPushSender, ApnsSender>();
        services.AddSingleton<PushLinks>();
        services.AddSingleton<PushJobs>();
        services.AddSingleton<PushSignal>();
        services.AddSingleton<PushFanOut>();
        services.AddHostedService(sp => sp.GetRequiredService<PushFanOut>());

        services.AddSingleton<DeviceSecrets>();
        services.AddScoped<TopicCatalog>();
        services.AddDeviceRegistrationRateLimit();
        return services;
    }
}
