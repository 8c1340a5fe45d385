using Egov.Modules.Announcements;
using Egov.Modules.Forms;
using Egov.Modules.Handoff;
using Egov.Modules.Mobile;
using Egov.Modules.Outreach;
using Egov.Modules.Payments;

namespace Egov.Host.Modules;

/// <summary>
/// The explicit list of modules this host composes. Adding a module means one line in each method;
/// nothing is discovered by reflection, so a reader sees the whole system here.
/// </summary>
internal static class ModuleRegistry
{
    public static IServiceCollection AddEgovModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFormsModule(configuration);
        services.AddAnnouncementsModule(configuration);
        services.AddOutreachModule(configuration);
        services.AddMobileModule(configuration);
        services.AddHandoffModule(configuration);
        services.AddPaymentsModule(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapEgovModules(this IEndpointRouteBuilder app)
    {
        app.MapFormsEndpoints();
        app.MapAnnouncementsEndpoints();
        app.MapOutreachEndpoints();
        app.MapMobileEndpoints();
        app.MapHandoffEndpoints();
        app.MapPaymentsEndpoints();
        return app;
    }
}
