using System.Globalization;
using Egov.Host.Portal.City;
using Egov.Modules.Announcements;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Forms;
using Egov.Modules.Mobile;
using Egov.Modules.Outreach;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Localization;

namespace Egov.Host.Portal;

/// <summary>
/// The server-rendered portal: Razor Pages owned by the modules (each module assembly is an
/// application part, listed here explicitly), the layout in the host, German and English, and the
/// security headers of every response. (Antiforgery, used by every form post, is configured with
/// the session cookie in <c>IdentityExtensions</c>: both are <c>Secure</c> unless the development provider runs.)
/// </summary>
internal static class PortalExtensions
{
    /// <summary>Name of the cookie that keeps the visitor's language choice.</summary>
    public const string LanguageCookie = ".Egov.Language";

    public static IServiceCollection AddEgovPortal(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.Conventions.AllowAnonymousToPage("/Index");
                options.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            })
            .AddApplicationPart(typeof(FormsModule).Assembly)
            .AddApplicationPart(typeof(AnnouncementsModule).Assembly)
            .AddApplicationPart(typeof(OutreachModule).Assembly)
            .AddApplicationPart(typeof(MobileModule).Assembly)
            .AddApplicationPart(typeof(Egov.Modules.Payments.PaymentsModule).Assembly);

        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Read-only (and shared) cultures: the middleware hands every request
            // CultureInfo.ReadOnly(supported culture), which clones a writable one, its date and number
            // formats included, per request; date parsing under a fresh clone then rebuilt its token
            // table each time (seen in a profile as a few per cent of a request's CPU, under the
            // bearer token's claim parsing).
            var cultures = PortalText.Languages.Select(l => CultureInfo.GetCultureInfo(l)).ToList();
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.GetCultureInfo("de"));
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;

            // The visitor's explicit choice first, then the browser's Accept-Language; no query string.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = LanguageCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddStaffArea(new StaffArea("/staff/record-of-processing", 900, "Verzeichnis der Verarbeitungstätigkeiten (Art. 30 DSGVO)", "Record of processing activities (Art. 30 GDPR)", null, null, [EgovRoles.Administrator]));

        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddCityIdentity();

        // The layout shows the alert banner on every page: cached pages depend on announcements too.
        services.AddSingleton(new PublicPageLayout([AnnouncementReadRegion.Name]));
        return services;
    }

    /// <summary>Security headers, HSTS outside Development, the request's language and the static files (the host's and the modules').</summary>
    public static WebApplication UseEgovPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Only on HTTPS responses (the middleware skips plain HTTP), so a TLS-terminating proxy must forward the scheme.
            app.UseHsts();
        }

        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                if (!http.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
                {
                    // No inline script at all (no nonces, no hashes); styles from our own files only.
                    headers.ContentSecurityPolicy =
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " +
                        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });

        app.UseRequestLocalization();
        if (!app.Environment.IsDevelopment())
        {
            // The modules' own files (a module's wwwroot/ is served at /_content/Egov.Modules.<M>/) from the build's
            // manifest, as Development does on its own; a published app has them in wwwroot/_content and no manifest.
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.UseStaticFiles();
        app.MapCityStyle();
        return app;
    }
}
