using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Deliveries.Adapters;

/// <summary>Registers the four platform adapters with their HTTP clients.</summary>
internal static class ChannelAdapterRegistration
{
    /// <summary>
    /// Registers <see cref="MastodonAdapter"/>, <see cref="TelegramAdapter"/>, <see cref="BlueskyAdapter"/> and
    /// <see cref="WebhookAdapter"/>, each as itself and as <see cref="IChannelAdapter"/> (transient, typed
    /// HttpClients from IHttpClientFactory with <see cref="DeliveryResilience"/>), the Bluesky session cache, and
    /// the settings <c>Egov:Outreach:Delivery:Http</c> (<see cref="DeliveryHttpOptions"/>) and
    /// <c>Egov:Outreach:Telegram</c> (<see cref="TelegramOptions"/>), validated at startup. Calling it again does nothing.
    /// </summary>
    public static IServiceCollection AddChannelAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(service => service.ServiceType == typeof(BlueskySessions)))
        {
            return services;
        }

        services.AddOptions<DeliveryHttpOptions>()
            .Bind(configuration.GetSection(DeliveryHttpOptions.Section))
            .ValidateDataAnnotations()
            .Validate(http => http.TotalTimeout >= http.AttemptTimeout, $"{DeliveryHttpOptions.Section}:TotalTimeout must be at least AttemptTimeout.")
            .ValidateOnStart();
        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.Section))
            .Validate(TelegramOptions.IsValid, $"{TelegramOptions.Section}:ApiBaseAddress must be an absolute https:// URL (http:// only on a loopback address).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BlueskySessions>();

        services.AddHttpClient<MastodonAdapter>(Configure).AddDeliveryResilience("outreach-mastodon");
        // The Bot API carries the bot token in the path: no request logging for this client.
        services.AddHttpClient<TelegramAdapter>(Configure).RemoveAllLoggers().AddDeliveryResilience("outreach-telegram");
        services.AddHttpClient<BlueskyAdapter>(Configure).AddDeliveryResilience("outreach-bluesky");
        services.AddHttpClient<WebhookAdapter>(Configure).AddDeliveryResilience("outreach-webhook");

        services.AddTransient<IChannelAdapter>(provider => provider.GetRequiredService<MastodonAdapter>());
        services.AddTransient<IChannelAdapter>(provider => provider.GetRequiredService<TelegramAdapter>());
        services.AddTransient<IChannelAdapter>(provider => provider.GetRequiredService<BlueskyAdapter>());
        services.AddTransient<IChannelAdapter>(provider => provider.GetRequiredService<WebhookAdapter>());
        return services;
    }

    private static void Configure(IServiceProvider provider, HttpClient http)
    {
        // The pipeline's total timeout ends a request first; this only backs it up.
        http.Timeout = provider.GetRequiredService<IOptions<DeliveryHttpOptions>>().Value.TotalTimeout + TimeSpan.FromSeconds(5);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Egov-Outreach/1.0");
    }
}
