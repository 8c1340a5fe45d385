using System.Net;
using System.Text.RegularExpressions;
using Egov.Host.Portal.City;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Forms;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The city's identity from <c>Egov:City</c> (issue 24): checked at start, shown in the portal's header
/// and footer, its colours in <c>/css/city.css</c>, and its name and address on the receipt's letterhead.
/// </summary>
public sealed class CityIdentityTests(CityIdentityTests.LuedenscheidFactory factory) : IClassFixture<CityIdentityTests.LuedenscheidFactory>
{
    [Fact]
    public void Validate_Defaults_DescribeMusterstadtAndAreValid()
    {
        var defaults = new CityOptions();

        Assert.True(new CityOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal("Stadt Musterstadt", defaults.OfficialName);
    }

    [Theory]
    [InlineData("PrimaryColor", "#ffcc00")]
    [InlineData("LinkColor", "#777777")]
    [InlineData("PrimaryColor", "blue")]
    [InlineData("Email", "not-an-address")]
    [InlineData("LogoUrl", "javascript:alert(1)")]
    [InlineData("LogoUrl", "//elsewhere.example/logo.svg")]
    [InlineData("Street", "")]
    public void Validate_AWrongValue_FailsTheStartNamingTheKey(string key, string value)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Egov:City:{key}"] = value }).Build())
            .AddCityIdentity()
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(failure.Failures, f => f.StartsWith($"Egov:City:{key}", StringComparison.Ordinal));
    }

    [Fact]
    public void Contrast_OfBlackOnWhite_Is21To1()
    {
        Assert.Equal(21.0, CityOptionsValidator.Contrast(CityOptionsValidator.Luminance("#000000")!.Value, CityOptionsValidator.Luminance("#ffffff")!.Value), 3);
    }

    [Fact]
    public async Task Portal_ShowsTheConfiguredCityInHeaderFooterAndColours()
    {
        using var browser = factory.CreateClient();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var ct = TestContext.Current.CancellationToken;

        var home = WebUtility.HtmlDecode(await browser.GetStringAsync("/forms", ct));
        var css = await browser.GetStringAsync("/css/city.css", ct);

        Assert.Contains("<a href=\"/\">Stadt Lüdenscheid</a>", home, StringComparison.Ordinal);
        Assert.Contains("Rathausplatz 2", home, StringComparison.Ordinal);
        Assert.Contains("Mo–Fr 8–12 Uhr", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Musterstadt", home, StringComparison.Ordinal);
        Assert.Contains("--accent: #1a4d2e;", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_CarriesTheCitysNameAndAddress_NotTheExampleAddress()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await FileAsync(erika);

        var pdf = await (await erika.GetAsync($"/api/v1/applications/{id}/receipt", ct)).Content.ReadAsByteArrayAsync(ct);

        using var document = PdfDocument.Open(pdf);
        var text = Regex.Replace(string.Join("\n", document.GetPages().Select(p => p.Text)), @"\s+", " ");
        Assert.Contains("Stadt Lüdenscheid", text, StringComparison.Ordinal);
        Assert.Contains("58507 Lüdenscheid", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12345 Musterstadt", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiptAuthority_WhenItsNameIsConfigured_KeepsItAndTakesAddressAndContactFromTheCity()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Egov:City:OfficialName"] = "Stadt Lüdenscheid",
            ["Egov:City:Street"] = "Rathausplatz 2",
            ["Egov:City:PostalCode"] = "58507",
            ["Egov:City:Locality"] = "Lüdenscheid",
            ["Egov:City:Phone"] = "02351 17-0",
            ["Egov:City:Email"] = "info@luedenscheid.example",
            ["Egov:Receipts:Authority:Name"] = "Stadt Lüdenscheid – Der Bürgermeister",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddCityIdentity()
            .AddFormsModule(configuration)
            .BuildServiceProvider();

        var authority = services.GetRequiredService<IOptions<ReceiptOptions>>().Value.Authority.ToAuthority();

        Assert.Equal("Stadt Lüdenscheid – Der Bürgermeister", authority.Name);
        Assert.Equal(new[] { "Rathausplatz 2", "58507 Lüdenscheid" }, authority.AddressLines);
        Assert.Equal(new[] { "Telefon 02351 17-0", "info@luedenscheid.example" }, authority.ContactLines);
    }

    /// <summary>A host configured for Lüdenscheid (and nothing under <c>Egov:Receipts:Authority</c>).</summary>
    public sealed class LuedenscheidFactory : EgovApplicationFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:City:Name", "Lüdenscheid");
            builder.UseSetting("Egov:City:OfficialName", "Stadt Lüdenscheid");
            builder.UseSetting("Egov:City:OfficialNameEnglish", "City of Lüdenscheid");
            builder.UseSetting("Egov:City:Street", "Rathausplatz 2");
            builder.UseSetting("Egov:City:PostalCode", "58507");
            builder.UseSetting("Egov:City:Locality", "Lüdenscheid");
            builder.UseSetting("Egov:City:Phone", "02351 17-0");
            builder.UseSetting("Egov:City:Email", "info@luedenscheid.example");
            builder.UseSetting("Egov:City:PrimaryColor", "#1a4d2e");
            builder.UseSetting("Egov:City:OpeningHours:0", "Mo–Fr 8–12 Uhr");
            builder.UseSetting("Egov:City:Representative", "Der Bürgermeister");
            builder.UseSetting("Egov:City:EditorialResponsible", "Pressestelle der Stadt Lüdenscheid");
            builder.UseSetting("Egov:City:DataProtectionOfficer:Name", "Datenschutzbeauftragte der Stadt Lüdenscheid");
            builder.UseSetting("Egov:City:DataProtectionOfficer:Address", "Rathausplatz 2, 58507 Lüdenscheid");
            builder.UseSetting("Egov:City:DataProtectionOfficer:Email", "datenschutz@luedenscheid.example");
        }
    }
}
