using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>The staff area's entry page by role, and the portal's error pages for a browser (404, 403).</summary>
[Collection(PortalCollection.Name)]
public sealed class StaffAreaAndErrorPagesTests(PortalHost host)
{
    [Fact]
    public async Task Caseworker_SeesTheStaffAreaWithOnlyTheTasksOfTheRole()
    {
        var page = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(page, "caseworker", "/staff");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Arbeitsbereich", Level = 1 }).WaitForAsync();
        var main = page.Locator("main");
        Assert.Equal(1, await main.GetByRole(AriaRole.Link, new() { Name = "Vorgänge bearbeiten" }).CountAsync());
        Assert.Equal(0, await main.GetByRole(AriaRole.Link, new() { Name = "Freigaben" }).CountAsync());
        Assert.Equal(0, await main.GetByRole(AriaRole.Link, new() { Name = "Kanäle verwalten" }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Vorgänge" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "staff-area");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Citizen_OpeningTheStaffArea_GetsThePortalsAccessDeniedPage()
    {
        var page = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(page, "erika", "/applications");

        var response = await page.GotoAsync("/staff");

        Assert.Equal(403, response!.Status);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Kein Zugriff", Level = 1 }).WaitForAsync();
        Assert.EndsWith("/staff", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Arbeitsbereich" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Visitor_AtAnUnknownAddress_GetsThePortalsNotFoundPageInTheirLanguage()
    {
        var page = await host.NewPageAsync(locale: "en-GB");

        var response = await page.GotoAsync("/announcements/no-such-announcement-anywhere");

        Assert.Equal(404, response!.Status);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 }).WaitForAsync();
        Assert.Contains("/announcements/no-such-announcement-anywhere", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "not-found");
        await page.Context.CloseAsync();
    }
}
