using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>A visitor without login: home, announcements list and detail, feeds, language switch.</summary>
[Collection(PortalCollection.Name)]
public sealed class PublicPagesTests(PortalHost host)
{
    [Fact]
    public async Task PublicVisitor_ReadsAnnouncement_WithFeedsLinkedAndNoAxeViolations()
    {
        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        var banner = page.GetByRole(AriaRole.Region, new() { Name = "Aktuelle Warnungen" });
        Assert.Contains("Sturmwarnung für die Innenstadt", await banner.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Warnstufe: schwer", await banner.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "home");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Meldungen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Meldungen und Bekanntmachungen", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Equal(1, await page.Locator("footer a[href='/feeds/announcements.rss']").CountAsync());
        Assert.Equal(1, await page.Locator("footer a[href='/feeds/alerts.atom']").CountAsync());
        await Screenshots.SaveAsync(page, "announcements");

        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Öffnungszeiten im Bürgerbüro" }).ClickAsync();
        await page.WaitForURLAsync($"**/announcements/{PortalHost.NewsSlug}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Neue Öffnungszeiten im Bürgerbüro", Level = 1 }).WaitForAsync();
        Assert.Equal("Montag", await page.Locator("article .body strong").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "announcement");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_WhenChosen_ShowsEnglishAndKeepsTheChoice()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/forms");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Online-Anträge", Level = 1 }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Online applications", Level = 1 }).WaitForAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.EndsWith("/forms", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/announcements");
        await page.GetByRole(AriaRole.Heading, new() { Name = "News and official notices", Level = 1 }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AcceptLanguage_English_IsTheDefault()
    {
        var page = await host.NewPageAsync(locale: "en-GB");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Online services of the City of Musterstadt", Level = 1 }).WaitForAsync();
        await page.Context.CloseAsync();
    }
}
