using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Registration of device registrations and their topics.</summary>
internal static class DeviceExtensions
{
    /// <summary>
    /// Registers the device secrets, the topic catalogue (per request scope) and the registration
    /// rate limit. Needs the push settings of <c>AddPush</c>: which platforms can be registered and
    /// the limit itself are push settings (<c>Egov:Push</c>).
    /// </summary>
    public static IServiceCollection AddDevices(this IServiceCollection services)
    {
        services.AddSingleton<DeviceSecrets>();
        services.AddScoped<TopicCatalog>();
        services.AddDeviceRegistrationRateLimit();
        return services;
    }
}
