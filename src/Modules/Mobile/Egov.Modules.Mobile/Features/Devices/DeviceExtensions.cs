using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Registration of device registrations and their topics.</summary>
internal static class DeviceExtensions
{
    /// <summary>
    /// Registers the device secrets, the topic catalogue (per request scope) and the registration
    /// rate limit, and the retention job (<c>Egov:Push:Retention</c>). Needs the push settings of <c>AddPush</c>: which platforms can be registered and
    /// the limit itself are push settings (<c>Egov:Push</c>).
    /// </summary>
    public static IServiceCollection AddDevices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeviceRetentionOptions>().Bind(configuration.GetSection(DeviceRetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeviceRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceRetention>());
        services.AddSingleton<DeviceSecrets>();
        services.AddScoped<TopicCatalog>();
        services.AddDeviceRegistrationRateLimit();
        return services;
    }
}
