using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Egov.BrowserTests;

/// <summary>
/// The crisis team's pages in the browser (issue 19). The reach section of an issued alert, which
/// <c>alert-reach.js</c> refreshes every 5 s inside a polite live region; and the crisis templates:
/// the crisis team writes one (a refused form first), an Approver approves it (the author could not:
/// four eyes), then the crisis team sees the form that issues it. axe checks every page state.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CrisisPagesTests(PortalHost host)
{
    [Fact]
    public async Task IssuedAlert_ReachSectionRefreshesItself_AndHasNoAxeViolations()
    {
        var page = await SignInAsync("crisis", "/staff/alerts/new");
        await page.Locator("#title").FillAsync("Wasserrohrbruch Altstadt");
        await page.Locator("#event").FillAsync("Wasserrohrbruch");
        await page.Locator("#instruction").FillAsync("Meiden Sie die Altstadt.");
        await page.Locator("#expires-date").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#expires-time").FillAsync("12:00");
        await page.Locator("#area-description").FillAsync("Altstadt");
        await page.Locator("#regional-keys").FillAsync("091620000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt herausgeben" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/staff/alerts/0", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        var reach = page.Locator("section#reach");
        await Expect(reach.GetByRole(AriaRole.Heading, new() { Name = "Reichweite", Level = 2 })).ToBeVisibleAsync();
        await Expect(reach.Locator("#reach-live")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(reach.Locator("#reach-rows")).ToContainTextAsync("App-Push");
        await Accessibility.AssertNoViolationsAsync(page);

        // The script polls the page's Reach handler and writes the time of its answer into the page.
        var shownAt = await page.Locator("#reach-as-of").GetAttributeAsync("datetime");
        await Expect(page.Locator("#reach-as-of")).Not.ToHaveAttributeAsync("datetime", shownAt!, new() { Timeout = 30_000 });
        await Expect(reach.Locator("#reach-rows")).ToContainTextAsync("App-Push");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "staff-alert-reach");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CrisisTeamWritesTemplate_ApproverApprovesIt_ThenItCanBeIssued()
    {
        const string name = "Stromausfall Browser";
        var crisis = await SignInAsync("crisis", "/staff/alerts/templates");
        await crisis.GetByRole(AriaRole.Link, new() { Name = "Neue Vorlage schreiben" }).ClickAsync();
        await crisis.GetByRole(AriaRole.Heading, new() { Name = "Neue Vorlage für Warnungen", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(crisis);

        // Refused first: no German headline and an hour count that is no number, each named at its field.
        await crisis.Locator("#name").FillAsync(name);
        await crisis.Locator("#valid-hours").FillAsync("vier");
        await crisis.GetByRole(AriaRole.Button, new() { Name = "Vorlage speichern" }).ClickAsync();
        await crisis.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await crisis.Locator("#de-title").GetAttributeAsync("aria-invalid"));
        Assert.Equal("true", await crisis.Locator("#valid-hours").GetAttributeAsync("aria-invalid"));
        await Accessibility.AssertNoViolationsAsync(crisis);

        await crisis.Locator("#de-title").FillAsync("Stromausfall in {Ort}");
        await crisis.Locator("#de-text").FillAsync("Seit {Zeit} Uhr ist in {Ort} der Strom ausgefallen.");
        await crisis.Locator("#de-instruction").FillAsync("Halten Sie Taschenlampen bereit.");
        await crisis.Locator("#de-x-ls-title").FillAsync("Kein Strom in {Ort}");
        await crisis.Locator("#de-x-ls-text").FillAsync("In {Ort} gibt es keinen Strom.");
        await crisis.Locator("#de-x-ls-instruction").FillAsync("Nehmen Sie eine Taschen-Lampe.");
        await crisis.Locator("#event").FillAsync("Stromausfall");
        await crisis.Locator("#category").SelectOptionAsync("Infra");
        await crisis.Locator("#area-description").FillAsync("{Ort}");
        await crisis.Locator("#regional-keys").FillAsync("091620000000");
        await crisis.Locator("#valid-hours").FillAsync("4");
        await crisis.GetByRole(AriaRole.Button, new() { Name = "Vorlage speichern" }).ClickAsync();
        await crisis.WaitForURLAsync("**/staff/alerts/templates?saved=*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var written = crisis.Locator("section.template", new() { HasText = name });
        await Expect(written).ToContainTextAsync("nicht freigegeben");
        await Expect(written.GetByRole(AriaRole.Button, new() { Name = "Jetzt herausgeben" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(crisis);

        var approver = await SignInAsync("approver", "/staff/alerts/templates");
        var pending = approver.Locator("section.template", new() { HasText = name });
        await pending.GetByRole(AriaRole.Button, new() { Name = "Fassung freigeben" }).ClickAsync();
        await approver.WaitForURLAsync("**/staff/alerts/templates?approved=*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(approver.Locator("section.template", new() { HasText = name })).ToContainTextAsync("freigegeben von Paul Pressesprecher");
        await Accessibility.AssertNoViolationsAsync(approver);
        await approver.Context.CloseAsync();

        await crisis.ReloadAsync();
        var issuable = crisis.Locator("section.template", new() { HasText = name });
        await Expect(issuable.GetByLabel("Ort")).ToBeVisibleAsync();
        await Expect(issuable.GetByLabel("Zeit")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(crisis);
        await Screenshots.SaveAsync(crisis, "staff-alert-templates");
        await crisis.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string user, string returnUrl)
    {
        var page = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(page, user, returnUrl);
        return page;
    }
}
