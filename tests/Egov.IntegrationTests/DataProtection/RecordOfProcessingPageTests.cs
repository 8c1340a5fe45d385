using System.Net;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach;

namespace Egov.IntegrationTests.DataProtection;

/// <summary>The staff page of the record of processing activities shows what the API answers, to administrators only.</summary>
public sealed class RecordOfProcessingPageTests(BrowserHostFactory host) : IClassFixture<BrowserHostFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_ShowsEveryFormAndChannelWithAssessmentAndRetention_ToAdministratorsOnly()
    {
        using var admin = await host.CreateClientAsAsync("admin");
        await OutreachApi.CreateChannelAsync(admin, OutreachApi.Channel("webhook", "Fachverfahren-Hook", "https://hooks.example/egov", enabled: false));
        using var browser = await host.SignedInBrowserAsync("admin");

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/staff/record-of-processing", Ct));

        Assert.Contains("Verzeichnis der Verarbeitungstätigkeiten", html, StringComparison.Ordinal);
        Assert.Contains("Online-Antrag „Hundesteuer", html, StringComparison.Ordinal);
        Assert.Contains("3650 Tage nach Abschluss", html, StringComparison.Ordinal);
        Assert.Contains("Kanal Fachverfahren-Hook (webhook) (abgeschaltet)", html, StringComparison.Ordinal);
        Assert.Contains("durchgeführt am 01.10.2026", html, StringComparison.Ordinal);
        Assert.Contains("Vereinbarung nach Art. 26 DSGVO, Az. 10-2026", html, StringComparison.Ordinal);
        Assert.Contains("Push-Nachrichten an App und Webseiten", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/record-of-processing\"", await browser.GetStringAsync("/staff", Ct), StringComparison.Ordinal);

        using var caseworker = await host.SignedInBrowserAsync("caseworker");
        using var refused = await caseworker.GetAsync("/staff/record-of-processing", Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("/staff/record-of-processing", await caseworker.GetStringAsync("/staff", Ct), StringComparison.Ordinal);
    }
}
