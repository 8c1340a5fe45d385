using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// The findings of issue 24 a newcomer stumbled over: the catalog's cards at laptop width, the
/// development sign-in page in the browser's language and the portal's style, the alert's severity
/// in words of the page language.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalFindingsTests(PortalHost host)
{
    [Fact]
    public async Task FormCatalog_AtPhoneTabletAndLaptopWidth_HasNoOverflowingCard()
    {
        var page = await host.NewPageAsync();
        await Layout.AssertNoOverflowAsync(page, "/forms");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DevelopmentSignIn_ForAGermanBrowser_IsGermanStyledAndAccessible()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fforms");
        await page.Locator("#username").WaitForAsync();

        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Anmeldung (Entwicklung)", Level = 1 }).WaitForAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).CountAsync());
        Assert.Equal(1, await page.Locator("link[rel=stylesheet][href='/css/portal.css']").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Layout.AssertNoOverflowAsync(page, new Uri(page.Url).PathAndQuery);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DevelopmentSignIn_ForAnEnglishBrowser_IsEnglish()
    {
        var page = await host.NewPageAsync(locale: "en-GB");
        await page.GotoAsync("/account/login?returnUrl=%2Fforms");
        await page.Locator("#username").WaitForAsync();

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AlertDetail_OnAGermanPage_NamesTheSeverityInGerman()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/announcements/{PortalHost.AlertSlug}");

        var severity = page.Locator("main .alert-facts dd").First;
        Assert.Equal("schwer", await severity.InnerTextAsync());
        Assert.DoesNotContain("Severe", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
