using Egov.Modules.Announcements.Features.ListAnnouncements;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
    /// <summary>Registers the module's database (schema <c>announcements</c>), outbox dispatcher and validators.</summary>
    public static IServiceCollection AddAnnouncementsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AnnouncementsDbContext>(configuration, AnnouncementsDbContext.SchemaName);
        services.AddValidatorsFromAssembly(typeof(AnnouncementsModule).Assembly, includeInternalTypes: true);
        return services;
    }

    /// <summary>Maps the module's endpoints under <c>/api/v1/announcements</c>.</summary>
    public static IEndpointRouteBuilder MapAnnouncementsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/announcements")
            .WithTags("Announcements")
            .MapListAnnouncements();
        return app;
    }
}
