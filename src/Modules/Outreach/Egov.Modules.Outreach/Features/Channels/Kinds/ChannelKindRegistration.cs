using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>Registers the channel kinds: every <see cref="ChannelKind"/> of the module, each with its adapter.</summary>
internal static class ChannelKindRegistration
{
    /// <summary>
    /// Registers every non-abstract <see cref="ChannelKind"/> of this assembly (<see cref="AddChannelKind"/>), the
    /// registry <see cref="ChannelKinds"/>, and the settings every adapter shares: <c>Egov:Outreach:Delivery:Http</c>
    /// (<see cref="DeliveryHttpOptions"/>), validated at startup. Calling it again does nothing.
    /// </summary>
    public static IServiceCollection AddChannelKinds(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(service => service.ServiceType == typeof(ChannelKinds)))
        {
            return services;
        }

        services.AddOptions<DeliveryHttpOptions>()
            .Bind(configuration.GetSection(DeliveryHttpOptions.Section))
            .ValidateDataAnnotations()
            .Validate(http => http.TotalTimeout >= http.AttemptTimeout, $"{DeliveryHttpOptions.Section}:TotalTimeout must be at least AttemptTimeout.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChannelKinds>();

        // One folder per kind and nothing else to touch: the kinds are found, not listed.
        var kinds = typeof(ChannelKind).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ChannelKind)) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (ChannelKind)Activator.CreateInstance(type)!);
        foreach (var kind in kinds)
        {
            services.AddChannelKind(kind, configuration);
        }

        return services;
    }

    /// <summary>
    /// Registers one channel kind: <paramref name="kind"/> as a <see cref="ChannelKind"/> (the registry and every page
    /// and check see it) and its services (<see cref="ChannelKind.AddServices"/>, at least its adapter). The module's
    /// own kinds come through <see cref="AddChannelKinds"/>; a kind defined elsewhere (a test's fake) calls this.
    /// </summary>
    /// <exception cref="InvalidOperationException">A kind of the same <see cref="ChannelKind.Name"/> is registered already.</exception>
    public static IServiceCollection AddChannelKind(this IServiceCollection services, ChannelKind kind, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (services.Any(service => service.ServiceType == typeof(ChannelKind) && service.ImplementationInstance is ChannelKind registered && registered.Name == kind.Name))
        {
            throw new InvalidOperationException($"The channel kind {kind.Name} is registered twice.");
        }

        services.AddSingleton(kind);
        kind.AddServices(services, configuration);
        return services;
    }

    /// <summary>The defaults of every adapter's HttpClient.</summary>
    public static void ConfigureClient(IServiceProvider provider, HttpClient http)
    {
        // The pipeline's total timeout ends a request first; this only backs it up.
        http.Timeout = provider.GetRequiredService<IOptions<DeliveryHttpOptions>>().Value.TotalTimeout + TimeSpan.FromSeconds(5);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Egov-Outreach/1.0");
    }
}
