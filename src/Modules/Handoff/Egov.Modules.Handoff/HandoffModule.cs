using Egov.Modules.Handoff.Features.Feed;
using Egov.Modules.Handoff.Features.Handoffs;
using Egov.Modules.Handoff.Features.Xdomea;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Handoff;

/// <summary>
/// Entry point of the Handoff module: hands submitted applications to the city's specialist systems
/// (push targets as signed CloudEvents, pull targets through a feed) and exports a case as an xdomea
/// message for the e-file.
/// </summary>
public static class HandoffModule
{
    /// <summary>
    /// Registers the module's database (schema <c>handoff</c>; on SQLite the file <c>egov-handoff.db</c>),
    /// validators, the targets (section <c>Egov:Handoff</c>, validated at startup) and the push worker.
    /// </summary>
    public static IServiceCollection AddHandoffModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<HandoffDbContext>(configuration, HandoffDbContext.SchemaName);
        services.AddValidatorsFromAssembly(typeof(HandoffModule).Assembly, includeInternalTypes: true);
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>());
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HandoffTargets>();
        services.AddSingleton<HandoffEvents>();
        services.AddHttpClient(PushWorker.HttpClientName)
            .RemoveAllLoggers()
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan) // each target's own timeout applies per attempt
            .ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler
            {
                // A receiver answers 2xx or an error; a redirect would carry the signed case elsewhere.
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddSingleton<PushWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PushWorker>());
        return services;
    }

    /// <summary>Maps the module's endpoints under <c>/api/v1/handoff</c>: the staff view and re-send, the pull feeds, the xdomea export.</summary>
    public static IEndpointRouteBuilder MapHandoffEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHandoffStaffEndpoints();
        app.MapFeedEndpoints();
        app.MapXdomeaEndpoints();
        return app;
    }
}
