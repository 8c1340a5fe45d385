using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// The portal as a newcomer first sees it (issue 24): a host started with <c>Egov:Demo:Enabled</c> on an
/// empty database, as <c>dotnet run</c> in Development does — the demo news, event and notice of
/// Musterstadt on the home page instead of "Zurzeit gibt es keine Meldungen".
/// </summary>
[Collection(DemoPortalCollection.Name)]
public sealed class DemoHomePageTests(DemoPortalHost host)
{
    [Fact]
    public async Task DemoHome_ShowsTheExampleCitysNews_AccessibleAndWithoutOverflow()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");

        var news = await page.GetByRole(AriaRole.Region, new() { Name = "Aktuelles" }).InnerTextAsync();
        Assert.Contains("Bürgerbüro donnerstags bis 19 Uhr geöffnet", news, StringComparison.Ordinal);
        Assert.Contains("Neue Gelbe Tonnen ab Januar", news, StringComparison.Ordinal);
        Assert.DoesNotContain("Zurzeit gibt es keine Meldungen", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        // The demo's storm alert has expired: no banner on the first look.
        Assert.Equal(0, await page.Locator(".alerts .alert").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "home");
        await Layout.AssertNoOverflowAsync(page, "/");

        // The announcements list holds the event and the official notice as well, and opens them.
        await page.GotoAsync("/announcements");
        var list = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Weihnachtsmarkt auf dem Marktplatz", list, StringComparison.Ordinal);
        Assert.Contains("Haushaltssatzung der Stadt Musterstadt für das Jahr 2027", list, StringComparison.Ordinal);
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Weihnachtsmarkt auf dem Marktplatz" }).First.ClickAsync();
        await page.WaitForURLAsync("**/announcements/weihnachtsmarkt-auf-dem-marktplatz");
        Assert.Contains("Marktplatz, 12345 Musterstadt", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Layout.AssertNoOverflowAsync(page, "/announcements");
        await page.Context.CloseAsync();
    }
}

/// <summary>
/// A second browser host started as a newcomer's development host would be: demo content on, demo webhook
/// channel to the host's own sink, nothing seeded by the tests. Its own collection, so the shared
/// <see cref="PortalHost"/>'s state never mixes with the demo's.
/// </summary>
public sealed class DemoPortalHost : PortalHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Demo:Enabled", "true");
        builder.UseSetting("Egov:Demo:WebhookSinkUrl", new Uri(PublicBaseAddress, "_demo/webhook-sink").ToString());
    }

    /// <summary>Nothing: the demo content is what this host is about.</summary>
    protected override Task SeedAsync() => Task.CompletedTask;
}

/// <summary>The demo host's collection (collections run one after the other: one browser at a time).</summary>
[CollectionDefinition(Name)]
public sealed class DemoPortalCollection : ICollectionFixture<DemoPortalHost>
{
    public const string Name = "demo-portal";
}
