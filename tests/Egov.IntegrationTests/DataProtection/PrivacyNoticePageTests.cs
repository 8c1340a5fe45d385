using System.Net;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach;
using Egov.Testing;

namespace Egov.IntegrationTests.DataProtection;

/// <summary>
/// The privacy notice (<c>/datenschutz</c>, Art. 13 GDPR) in both languages: the sections Forms, Outreach and Mobile
/// word — every published form with its department and retention, every official channel with its note, push —
/// laid out by the host between its own parts.
/// </summary>
public sealed partial class PrivacyNoticePageTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_InGerman_ListsEveryPublishedFormEveryOfficialChannelAndPush()
    {
        await ChannelsAsync();

        var html = await PageAsync("de");

        Assert.Contains("<h3>Besuch dieser Seiten</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Online-Anträge</h3><p>Rechtsgrundlage ist Art. 6 Abs. 1 lit. c und e DSGVO in Verbindung mit der für den Antrag geltenden Rechtsvorschrift.", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"forms-caption\"><table><caption id=\"forms-caption\">Verarbeitungen der Online-Anträge</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Zweck: Bearbeitung des Antrags</th><th scope=\"col\">Empfänger (Fachbereich)</th><th scope=\"col\">Aufbewahrung nach Abschluss</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><a href=\"/forms/hundesteuer-anmeldung\">Hundesteuer-Anmeldung</a></td><td>finance</td><td>3650 Tage</td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<tr><td><a href=\"/forms/"));
        Assert.Contains("<h3 id=\"kanaele\">Kanäle in sozialen Medien</h3><p>Die Stadt veröffentlicht Meldungen und Warnungen", html, StringComparison.Ordinal);
        Assert.Contains("<li>Stadt auf Telegram (Pressestelle) – Vereinbarung nach Art. 26 DSGVO, Az. 10-2026</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fachverfahren-Hook", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Push-Nachrichten der Stadt-App</h3><p>Wer in der App Warnungen oder Meldungen abonniert", html, StringComparison.Ordinal);
        Assert.Contains("Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Ihre Rechte</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InEnglish_SaysTheSameInEnglish()
    {
        await ChannelsAsync();

        var html = await PageAsync("en");

        Assert.Contains("<h3>Online applications</h3><p>The legal basis is Art. 6 (1) c and e GDPR", html, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"forms-caption\">Processing of the online applications</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><a href=\"/forms/hundesteuer-anmeldung\">Dog tax registration</a></td><td>finance</td><td>3650 days</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"kanaele\">Social media channels</h3><p>The city publishes news and alerts", html, StringComparison.Ordinal);
        Assert.Contains("<li>Stadt auf Telegram (Pressestelle) – Vereinbarung nach Art. 26 DSGVO, Az. 10-2026</li>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Push messages of the city app</h3><p>Whoever subscribes to alerts or news in the app", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Online-Anträge", html, StringComparison.Ordinal);
    }

    /// <summary>An official channel (enabled, not a webhook) and a webhook, which the register leaves out.</summary>
    private async Task ChannelsAsync()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channels = await admin.GetStringAsync("/api/v1/outreach/channels", Ct);
        if (!channels.Contains("Stadt auf Telegram", StringComparison.Ordinal))
        {
            await OutreachApi.CreateChannelAsync(admin, OutreachApi.Channel("telegram", "Stadt auf Telegram", "@stadt_info"));
            await OutreachApi.CreateChannelAsync(admin, OutreachApi.Channel("webhook", "Fachverfahren-Hook", "https://hooks.example/egov"));
        }
    }

    /// <summary>The page's main part, decoded, with the whitespace between tags removed.</summary>
    private async Task<string> PageAsync(string language)
    {
        using var client = factory.CreateClient();
        using var response = await client.SendAsync(BrowserHostFactory.PageRequest("/datenschutz", language), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        return BetweenTags().Replace(html[html.IndexOf("<main", StringComparison.Ordinal)..], "><");
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();
}
