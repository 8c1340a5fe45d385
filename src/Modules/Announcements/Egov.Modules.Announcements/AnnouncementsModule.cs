using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Features.Alerts;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Features.Demo;
using Egov.Modules.Announcements.Features.Feeds;
using Egov.Modules.Announcements.Features.Reading;
using Egov.Modules.Announcements.Features.Templates;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Persistence;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
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
    /// <summary>Registers the module's database (schema <c>announcements</c>), outbox dispatcher, validators, settings (<c>Egov:Announcements</c>), the publication scheduler, the reader of official warnings (off unless <c>Egov:Announcements:WarningReader:Enabled</c>) and the demo content (off unless <c>Egov:Demo:Enabled</c>).</summary>
    public static IServiceCollection AddAnnouncementsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStaffArea(new StaffArea("/staff/announcements", 200, "Meldungen und Bekanntmachungen", "News and official notices", "Redaktion", "Editorial", [EgovRoles.Editor, EgovRoles.Approver, EgovRoles.CrisisManager]));
        services.AddStaffArea(new StaffArea("/staff/alerts", 210, "Warnungen herausgeben", "Issue alerts", null, null, [EgovRoles.CrisisManager]));
        services.AddModuleDbContext<AnnouncementsDbContext>(configuration, AnnouncementsDbContext.SchemaName);
        services.AddPublicReadSource<Domain.Announcement>(AnnouncementReadRegion.Name);
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
        services.AddOptions<WarningReaderOptions>().Bind(configuration.GetSection(WarningReaderOptions.SectionName))
            .Validate(o => o.RegionalKeys.All(k => k.Length == 12 && k.All(char.IsAsciiDigit)), "Egov:Announcements:WarningReader:RegionalKeys: each key is a 12-digit Amtlicher Regionalschlüssel, e.g. 059620000000.")
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1) && o.RequestTimeout > TimeSpan.Zero, "Egov:Announcements:WarningReader: Interval is at least 1 second and RequestTimeout positive.")
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true } b && b.AbsolutePath.EndsWith('/'), "Egov:Announcements:WarningReader:BaseAddress is an absolute URI ending in '/'.")
            .ValidateOnStart();
        services.AddHttpClient(OfficialWarningReader.HttpClientName);
        services.AddSingleton<OfficialWarningReader>();
        services.AddHostedService(sp => sp.GetRequiredService<OfficialWarningReader>());
        if (configuration.GetSection(DemoContentOptions.SectionName).Get<DemoContentOptions>()?.Enabled == true)
        {
            services.AddHostedService<DemoContentSeeder>();
        }

        return services;
    }

    /// <summary>Maps the module's endpoints: <c>/api/v1/announcements</c> (public reads and the editorial API) and <c>/api/v1/alerts</c> (CAP, import, crisis templates).</summary>
    public static IEndpointRouteBuilder MapAnnouncementsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapReadingEndpoints();
        app.MapAuthoringEndpoints();
        app.MapAlertEndpoints();
        app.MapAlertTemplateEndpoints();
        app.MapFeedEndpoints();
        return app;
    }
}
