using Egov.Modules.Outreach.Features.Devices;
using Egov.Modules.Outreach.Features.Push;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Outreach;

/// <summary>
/// Entry point of the Outreach module: outbound channels, posts with per-channel variants, the
/// guideline-enforcing approval workflow, delivery, and device registrations for push.
/// </summary>
public static class OutreachModule
{
    /// <summary>Registers the module's database (schema <c>outreach</c>), outbox dispatcher and validators.</summary>
    public static IServiceCollection AddOutreachModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<OutreachDbContext>(configuration, OutreachDbContext.SchemaName);
        services.AddValidatorsFromAssembly(typeof(OutreachModule).Assembly, includeInternalTypes: true);
        services.AddPush(configuration);
        return services;
    }

    /// <summary>Maps the module's endpoints under <c>/api/v1/outreach</c> (none yet: channels and posts come next).</summary>
    public static IEndpointRouteBuilder MapOutreachEndpoints(this IEndpointRouteBuilder app) => app.MapDeviceEndpoints();
}
