using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// What a city must publish (issue 24): the legal pages linked from every footer, the official-channel
/// register with <c>rel="me"</c>, and the receipt verification a phone opens from the QR code —
/// in German and English, without axe violations, and without overflow at 320, 768 and 1280 px.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LegalPagesAndChannelsTests(PortalHost host)
{
    private const string ChannelName = "@stadt@social.musterstadt.example";

    public static TheoryData<string, string, string> LegalPages => new()
    {
        { "/impressum", "Impressum", "Imprint" },
        { "/datenschutz", "Datenschutzerklärung", "Privacy notice" },
        { "/barrierefreiheit", "Erklärung zur Barrierefreiheit", "Accessibility statement" },
        { "/leichte-sprache", "Leichte Sprache", "Leichte Sprache" },
        { "/gebaerdensprache", "Informationen in Deutscher Gebärdensprache", "Information in German Sign Language" },
        { "/kanaele", "Offizielle Kanäle der Stadt", "The city's official channels" },
    };

    [Theory]
    [MemberData(nameof(LegalPages))]
    public async Task LegalPage_IsLinkedFromTheFooter_InGermanAndEnglish_AccessibleAndWithoutOverflow(string path, string german, string english)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/forms");
        await page.Locator($"footer a[href='{path}']").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = german, Level = 1 }).WaitForAsync();
        Assert.Contains(" – Stadt Musterstadt – ", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        if (path != "/kanaele")
        {
            await Screenshots.SaveAsync(page, "legal" + path.Replace('/', '-'));
        }
        await Layout.AssertNoOverflowAsync(page, path);
        await page.Context.CloseAsync();

        var englishPage = await host.NewPageAsync(locale: "en-GB");
        await englishPage.GotoAsync(path);
        await englishPage.GetByRole(AriaRole.Heading, new() { Name = english, Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(englishPage);
        await englishPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Footer_ShowsTheCitysAddressContactAndLegalLinks()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/announcements");

        var footer = await page.Locator("footer").InnerTextAsync();
        Assert.Contains("Rathausplatz 1", footer, StringComparison.Ordinal);
        Assert.Contains("buergerservice@musterstadt.example", footer, StringComparison.Ordinal);
        foreach (var path in new[] { "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache", "/gebaerdensprache", "/kanaele" })
        {
            Assert.Equal(1, await page.Locator($"footer a[href='{path}']").CountAsync());
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ChannelRegister_LinksEveryEnabledChannelWithRelMe_AndThePrivacyNoticeListsIt()
    {
        await SeedChannelAsync();
        var page = await host.NewPageAsync();

        await page.GotoAsync("/kanaele");

        var profile = page.Locator("main a[rel='me']", new() { HasText = "https://social.musterstadt.example/@stadt" });
        Assert.Equal(1, await profile.CountAsync());
        Assert.Contains("Pressestelle", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "official-channels");
        await Layout.AssertNoOverflowAsync(page, "/kanaele");

        var json = await page.GotoAsync("/api/v1/official-channels");
        Assert.Contains("https://social.musterstadt.example/@stadt", await json!.TextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/datenschutz");
        Assert.Contains(ChannelName, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Hundesteuer-Anmeldung", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AlertPage_LinksTheChannelRegister()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/announcements/{PortalHost.AlertSlug}");

        Assert.True(await page.Locator("main a[href='/kanaele']").CountAsync() >= 1);
        Assert.True(await page.Locator(".alerts a[href='/kanaele']").CountAsync() >= 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReceiptQrAddress_OpenedByAPhone_ShowsTheVerificationPageInWords()
    {
        var page = await host.NewPageAsync();
        var qr = "/api/v1/receipts/verify?reference=EGOV-2026-999999&fingerprint=" + new string('a', 64);

        var response = await page.GotoAsync(qr);

        Assert.Equal(200, response!.Status);
        Assert.EndsWith("/receipts/verify?reference=EGOV-2026-999999&fingerprint=" + new string('a', 64), page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Nicht gültig", Level = 2 }).WaitForAsync();
        Assert.Contains("EGOV-2026-999999", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "receipt-verification");
        await Layout.AssertNoOverflowAsync(page, new Uri(page.Url).PathAndQuery);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BarrierReport_FromTheStatement_ReachesTheStaffList_WithItsAnswerByDay()
    {
        var where = $"Veranstaltungskalender {Guid.NewGuid():N}"[..32];
        var page = await host.NewPageAsync();
        await page.GotoAsync("/barrierefreiheit");
        await page.GetByRole(AriaRole.Link, new() { Name = "Barriere online melden (ohne Konto)" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Barriere melden", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Layout.AssertNoOverflowAsync(page, "/barrierefreiheit/rueckmeldung");

        await page.GetByLabel("Wo ist die Barriere? (Seite oder Dienst)").FillAsync(where);
        await page.GetByLabel("Was ist die Barriere?").FillAsync("Die Termine sind nur als Bild lesbar.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meldung senden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Vielen Dank, Ihre Meldung ist eingegangen", Level = 2 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        var staff = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(staff, "admin", "/staff/barrierefreiheit");
        await staff.GetByRole(AriaRole.Heading, new() { Name = where, Level = 3 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(staff);
        await Layout.AssertNoOverflowAsync(staff, "/staff/barrierefreiheit");
        await staff.Context.CloseAsync();
    }

    private async Task SeedChannelAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        if (await db.Channels.AnyAsync(c => c.Name == ChannelName))
        {
            return;
        }

        // Not crisis-capable and no cross-posting: the other browser tests' alerts and posts never go here.
        var settings = new ChannelSettings(ChannelName, Enabled: true, CrisisCapable: false, "Pressestelle", "https://social.musterstadt.example",
            ChannelName, AssessmentDone: true, new DateOnly(2026, 11, 2), "Vereinbarung nach Art. 26 DSGVO liegt der Pressestelle vor.", RequiresImprintLink: false, CrossPostPolicy.None);
        var limits = new ChannelLimits(500, "characters", null, 23, 4, true, "plain", "documented", null);
        db.Channels.Add(Channel.Create("mastodon", settings, limits, null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
