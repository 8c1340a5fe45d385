using Egov.Modules.Mobile.Features.Devices;
using Egov.Modules.Mobile.Features.Push;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Mobile;

/// <summary>
/// Entry point of the Mobile module: the city app's device registrations and topics, and push
/// (Web Push, FCM, APNs) of alerts, announcements, application status changes and Outreach's
/// app-push posts.
/// </summary>
public static class MobileModule
{
    /// <summary>
    /// Registers the module's database (schema <c>mobile</c>; on SQLite the file <c>egov-mobile.db</c>,
    /// which takes over the device and push rows of an older <c>egov-outreach.db</c>), validators, the
    /// push senders and the fan-out. Settings: section <c>Egov:Push</c>, validated at startup.
    /// </summary>
    public static IServiceCollection AddMobileModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MobileDbContext>(configuration, MobileDbContext.SchemaName);
        services.AddValidatorsFromAssembly(typeof(MobileModule).Assembly, includeInternalTypes: true);
        services.AddDataProtection();
        services.AddPush(configuration);
        services.AddDevices(configuration);
        return services;
    }

    /// <summary>Maps the module's endpoints: devices under <c>/api/v1/devices</c>, push metadata under <c>/api/v1/push</c>.</summary>
    public static IEndpointRouteBuilder MapMobileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDeviceEndpoints();
        return app;
    }
}
