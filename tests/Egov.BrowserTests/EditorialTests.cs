using System.Globalization;
using Egov.SharedKernel.Time;
using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// The staff pages of the Announcements module in the browser: Eva (editor) writes, previews and
/// publishes news; an official notice needs Paul (approver) first, and Eva's page left open goes
/// stale; Kim (crisis) issues an alert, sees it in the banner and gives the all-clear. axe checks
/// every page state. Every alert issued here is cancelled again (the host is shared).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EditorialTests(PortalHost host)
{
    [Fact]
    public async Task Editor_DraftsPreviewsAndPublishesNews_ReachesPublicPage()
    {
        var title = "Sommerfest im Stadtpark " + Guid.NewGuid().ToString("N")[..6];
        var page = await SignInAsync("editor", "/staff/announcements");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Meldungen der Redaktion", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Meldung" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Neue Meldung", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Without a title the module refuses: the error is at the field and in the summary.
        await page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal("true", await page.Locator("#title-de").GetAttributeAsync("aria-invalid"));
        Assert.Contains("title-de-error", await page.Locator("#title-de").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Nachricht").CheckAsync();
        await page.Locator("#title-de").FillAsync(title);
        await page.Locator("#summary-de").FillAsync("Am Samstag feiert die Stadt im Stadtpark.");
        await page.Locator("#body-de").FillAsync("Das **Sommerfest** beginnt um 15 Uhr. <script>alert(1)</script>");
        await page.Locator("#title-en").FillAsync("Summer party in the city park");
        await page.Locator("#body-en").FillAsync("The **summer party** starts at 3 pm.");
        await page.GetByLabel("Kultur").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau" }).ClickAsync();
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Vorschau" });
        await preview.WaitForAsync();
        Assert.Equal("Sommerfest", await preview.Locator("article[lang=de] .body strong").InnerTextAsync());
        Assert.Equal("summer party", await preview.Locator("article[lang=en] .body strong").InnerTextAsync());
        Assert.Equal(0, await preview.Locator("script").CountAsync());
        Assert.Contains("<script>", await preview.Locator("article[lang=de] .body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(title, await page.Locator("#title-de").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "staff-announcement-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Gespeichert.").WaitForAsync();
        Assert.Equal("Entwurf", await page.Locator("#status").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // 02:30 on the last Sunday of March 2027 does not exist in Europe/Berlin: the error is at the date input.
        await page.Locator("#publish-date").FillAsync("2027-03-28");
        await page.Locator("#publish-time").FillAsync("02:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Veröffentlichung planen" }).ClickAsync();
        await page.Locator("#publish-date-error").WaitForAsync();
        Assert.Contains("does not exist in Europe/Berlin", await page.Locator("#publish-date-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#publish-date").GetAttributeAsync("aria-invalid"));
        Assert.Equal(title, await page.Locator("#title-de").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt veröffentlichen" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Gespeichert.").WaitForAsync();
        Assert.Equal("Veröffentlicht", await page.Locator("#status").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "öffentliche Seite" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        Assert.Equal("Sommerfest", await page.Locator("article .body strong").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/staff/announcements?status=Published");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Bad input never gives a 500.
        Assert.Equal(404, (await page.GotoAsync("/staff/announcements/not-an-id"))!.Status);
        Assert.Equal(404, (await page.GotoAsync($"/staff/announcements/{Guid.NewGuid()}"))!.Status);
        Assert.Equal(200, (await page.GotoAsync("/staff/announcements?cursor=abc&status=nonsense"))!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OfficialNotice_NeedsApproverBeforePublication_StalePageSaysSo()
    {
        var title = "Haushaltssatzung " + Guid.NewGuid().ToString("N")[..6];
        var editor = await SignInAsync("editor", "/staff/announcements/new");
        await editor.GetByLabel("Amtliche Bekanntmachung").CheckAsync();
        await editor.Locator("#title-de").FillAsync(title);
        await editor.Locator("#body-de").FillAsync("Die Satzung liegt im Rathaus **öffentlich aus**.");
        await editor.Locator("#legal-effect-date").FillAsync("2027-01-01");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await editor.GetByRole(AriaRole.Status).GetByText("Gespeichert.").WaitForAsync();
        var address = new Uri(editor.Url).AbsolutePath;

        // Four eyes: the editor cannot publish it, the press office approves first.
        await editor.GetByText("Wartet auf die Freigabe durch die Pressestelle").WaitForAsync();
        Assert.Equal(0, await editor.GetByRole(AriaRole.Button, new() { Name = "Jetzt veröffentlichen" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(editor);

        var approver = await SignInAsync("approver", address);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Freigeben" }).ClickAsync();
        await approver.GetByRole(AriaRole.Status).GetByText("Gespeichert.").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(approver);

        // Eva's page still holds the version before the approval.
        await editor.Locator("#body-de").FillAsync("Die Satzung liegt im Rathaus **öffentlich aus** (Zimmer 12).");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await editor.Locator("#stale").WaitForAsync();
        Assert.Contains("Jemand anderes hat dies in der Zwischenzeit geändert", await editor.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(editor);

        await approver.GetByRole(AriaRole.Button, new() { Name = "Jetzt veröffentlichen" }).ClickAsync();
        await approver.Locator("#status").GetByText("Veröffentlicht").WaitForAsync();
        await approver.GetByRole(AriaRole.Link, new() { Name = "öffentliche Seite" }).ClickAsync();
        await approver.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        Assert.Equal("öffentlich aus", await approver.Locator("article .body strong").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(approver);
        await editor.Context.CloseAsync();
        await approver.Context.CloseAsync();
    }

    [Fact]
    public async Task CrisisManager_IssuesAlert_BannerShowsIt_AllClearRemovesIt()
    {
        var title = "Gasaustritt in der Südstadt " + Guid.NewGuid().ToString("N")[..6];
        var page = await SignInAsync("crisis", "/staff/alerts");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Warnungen des Krisenstabs", Level = 1 }).WaitForAsync();
        Assert.Contains("Sturmwarnung für die Innenstadt", await page.Locator("main table").First.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Warnung" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Neue Warnung", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#title").FillAsync(title);
        await page.Locator("#event").FillAsync("Gasaustritt");
        await page.Locator("#summary").FillAsync("Nach einem Leitungsschaden tritt in der Südstadt Gas aus.");
        await page.Locator("#description").FillAsync("Die Feuerwehr ist **vor Ort**.");
        await page.Locator("#instruction").FillAsync("Fenster und Türen schließen, keine elektrischen Schalter betätigen.");
        await page.Locator("#category").SelectOptionAsync("Fire");
        await page.Locator("#response-type").SelectOptionAsync("Shelter");
        await page.GetByLabel("Extrem – außergewöhnliche Gefahr für Leben und Eigentum").CheckAsync();
        await page.GetByLabel("Eingetreten (beobachtet)").CheckAsync();
        await page.Locator("#area-description").FillAsync("Südstadt");
        await page.Locator("#regional-keys").FillAsync("051110000000");

        // Without an expiry the module refuses; the error is at the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt herausgeben" }).ClickAsync();
        await page.Locator("#expires-date-error").WaitForAsync();
        Assert.Equal("true", await page.Locator("#expires-date").GetAttributeAsync("aria-invalid"));
        Assert.Equal(title, await page.Locator("#title").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        var tomorrow = CivilTime.ToBerlin(DateTimeOffset.UtcNow).AddDays(1);
        await page.Locator("#expires-date").FillAsync(tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#expires-time").FillAsync("12:00");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "staff-alert-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt herausgeben" }).ClickAsync();
        await page.GetByText("Die Warnung ist herausgegeben.").WaitForAsync();
        var alertAddress = new Uri(page.Url).AbsolutePath;
        await Accessibility.AssertNoViolationsAsync(page);

        try
        {
            await page.GotoAsync("/");
            var banner = page.GetByRole(AriaRole.Region, new() { Name = "Aktuelle Warnungen" });
            await banner.GetByRole(AriaRole.Link, new() { Name = title }).WaitForAsync();
            Assert.Contains("Warnstufe: extrem", await banner.InnerTextAsync(), StringComparison.Ordinal);
            await Accessibility.AssertNoViolationsAsync(page);
        }
        finally
        {
            await page.GotoAsync(alertAddress);
            await page.GetByRole(AriaRole.Button, new() { Name = "Entwarnung geben" }).ClickAsync();
            await page.GetByText("Die Warnung ist herausgegeben.").WaitForAsync();
        }

        Assert.Contains("Entwarnung (Cancel)", await page.Locator(".editor-state").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync("/");
        var alerts = page.GetByRole(AriaRole.Region, new() { Name = "Aktuelle Warnungen" });
        await alerts.GetByRole(AriaRole.Link, new() { Name = "Sturmwarnung für die Innenstadt" }).WaitForAsync();
        Assert.DoesNotContain(title, await alerts.InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(alertAddress);
        await page.GetByText("Ersetzt durch").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Entwarnung geben" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>Signs in through the development provider and lands on <paramref name="returnUrl"/>.</summary>
    private async Task<IPage> SignInAsync(string user, string returnUrl)
    {
        var page = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(page, user, returnUrl);
        return page;
    }
}
