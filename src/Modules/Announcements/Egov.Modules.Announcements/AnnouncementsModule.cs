using Egov.Modules.Announcements.Features.Alerts;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Features.Feeds;
using Egov.Modules.Announcements.Features.Reading;
using Egov.Modules.Announcements.Features.Scheduling;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Announcements;

/// <summary>
/// Entry point of the Announcements module: news, official notices, events and crisis alerts,
/// their publication schedule, and the public read API and feeds.
/// </summary>
public static class AnnouncementsModule
{
    /// <summary>Registers the module's database (schema <c>announcements</c>), outbox dispatcher, validators, settings (<c>Egov:Announcements</c>) and the publication scheduler.</summary>
    public static IServiceCollection AddAnnouncementsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AnnouncementsDbContext>(configuration, AnnouncementsDbContext.SchemaName);
        services.AddValidatorsFromAssembly(typeof(AnnouncementsModule).Assembly, includeInternalTypes: true);
        services.AddOptions<AnnouncementOptions>().Bind(configuration.GetSection(AnnouncementOptions.SectionName));
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.SectionName));
        services.AddSingleton<AnnouncementInputValidator>();
        services.AddSingleton<AnnouncementContentFactory>();
        services.AddSingleton<AnnouncementScheduler>();
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.SectionName));
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.SectionName));
        services.AddSingleton<FeedComposer>();
        services.AddHostedService(sp => sp.GetRequiredService<AnnouncementScheduler>());
        return services;
    }

    /// <summary>Maps the module's endpoints: <c>/api/v1/announcements</c> (public reads and the editorial API) and <c>/api/v1/alerts</c>.</summary>
    public static IEndpointRouteBuilder MapAnnouncementsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapReadingEndpoints();
        app.MapAuthoringEndpoints();
        app.MapAlertEndpoints();
        app.MapFeedEndpoints();
        return app;
    }
}
