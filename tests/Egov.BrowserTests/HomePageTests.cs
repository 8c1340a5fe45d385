using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// The home page a citizen starts from (issue 24): the alert in force before everything else, the
/// latest news with date and teaser, the services with fee and processing time, the search over
/// services and announcements, and the city's contact.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HomePageTests(PortalHost host)
{
    [Fact]
    public async Task Home_ShowsAlertFirstThenNewsServicesAndContact_AccessibleAndWithoutOverflow()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");

        // The banner with the alert in force comes before the main content.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('.alerts').compareDocumentPosition(document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING)"));
        var news = page.GetByRole(AriaRole.Region, new() { Name = "Aktuelles" });
        Assert.Contains("Neue Öffnungszeiten im Bürgerbüro", await news.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Donnerstags länger geöffnet.", await news.InnerTextAsync(), StringComparison.Ordinal);
        // Every teaser has its date (other tests of the collection may have published news too).
        var teasers = await news.Locator("ul.teasers > li").CountAsync();
        Assert.True(teasers >= 1);
        Assert.Equal(teasers, await news.Locator("ul.teasers > li time[datetime]").CountAsync());
        var services = await page.GetByRole(AriaRole.Region, new() { Name = "Online-Anträge" }).InnerTextAsync();
        Assert.Contains("Hundesteuer-Anmeldung", services, StringComparison.Ordinal);
        Assert.Contains("Gebühr", services, StringComparison.Ordinal);
        Assert.Contains("Bearbeitung in", services, StringComparison.Ordinal);
        Assert.Contains("0123 456-0", await page.GetByRole(AriaRole.Region, new() { Name = "So erreichen Sie uns" }).InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "home-alert-in-force");
        await Layout.AssertNoOverflowAsync(page, "/");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_FromTheHomePage_FindsServicesAndAnnouncements()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Dienste und Meldungen durchsuchen").FillAsync("Hundesteuer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await page.WaitForURLAsync("**/suche?q=Hundesteuer");
        Assert.Equal(1, await page.Locator("main a[href='/forms/hundesteuer-anmeldung']").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/suche?q=" + Uri.EscapeDataString("Öffnungszeiten"));
        Assert.Equal(1, await page.Locator($"main a[href='/announcements/{PortalHost.NewsSlug}']").CountAsync());
        await Layout.AssertNoOverflowAsync(page, "/suche?q=Hundesteuer");
        await page.Context.CloseAsync();
    }
}
