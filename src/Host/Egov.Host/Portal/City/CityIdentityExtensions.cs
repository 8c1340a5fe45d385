using Egov.Modules.Forms.Contracts;
using Microsoft.Extensions.Options;

namespace Egov.Host.Portal.City;

/// <summary>Registers the city's identity (<see cref="CityOptions"/>) and lends it to the receipt's letterhead.</summary>
internal static class CityIdentityExtensions
{
    /// <summary>
    /// Binds <c>Egov:City</c>, checks it at start, and makes it the receipts' issuing authority
    /// (name, address, contact; <see cref="ReceiptAuthorityDefaults"/>, which <c>Egov:Receipts:Authority</c>
    /// overrides): one place to name the city, and no example address next to a real applicant's.
    /// </summary>
    public static IServiceCollection AddCityIdentity(this IServiceCollection services)
    {
        services.AddOptions<CityOptions>().BindConfiguration(CityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CityOptions>, CityOptionsValidator>();
        services.AddOptions<ReceiptAuthorityDefaults>().Configure<IOptions<CityOptions>>((receipts, city) =>
        {
            var c = city.Value;
            receipts.Name = c.OfficialName;
            receipts.AddressLines = [c.Street, $"{c.PostalCode} {c.Locality}"];
            receipts.ContactLines = [$"Telefon {c.Phone}", c.Email];
        });
        return services;
    }

    /// <summary>
    /// <c>/css/city.css</c>: the city's colours as the custom properties <c>portal.css</c> uses (a file,
    /// not an inline style: the Content-Security-Policy allows styles from this site only). The
    /// colours are checked at start, so only <c>#rrggbb</c> values reach the stylesheet.
    /// </summary>
    public static WebApplication MapCityStyle(this WebApplication app)
    {
        app.MapGet("/css/city.css", (IOptions<CityOptions> city, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return Results.Text($":root {{ --accent: {city.Value.PrimaryColor}; --link: {city.Value.LinkColor}; }}\n", "text/css; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
