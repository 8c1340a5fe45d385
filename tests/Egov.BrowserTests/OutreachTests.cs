using System.Text.RegularExpressions;
using Egov.Testing.Fakes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Egov.BrowserTests;

/// <summary>
/// The outreach staff pages in the browser: the administrator registers a Mastodon channel (a fake
/// instance on 127.0.0.1) through the channel page; the editor accepts the guidelines, drafts a post,
/// sees the check per channel (live while typing and with the Check button: the count against the
/// instance's limit, a phone number as personal data) and submits it; the approver accepts the
/// guidelines and approves it from the queue; the post is approved, then scheduled. axe checks every
/// page state.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OutreachTests(PortalHost host) : IAsyncLifetime
{
    // Unique among the channels other browser tests of the shared host register (rows are found by this text).
    private const string ChannelName = "Musterstadt auf Mastodon";
    private const string Title = "Samstagsöffnung Bürgerbüro";
    private const string CleanText = "Das Bürgerbüro hat am Samstag von 9 bis 13 Uhr geöffnet.";
    private const string TextWithPhone = "Fragen zur Samstagsöffnung? Rufen Sie mich an: 0151 23456789";

    private readonly FakeMastodon _mastodon = new();

    public async ValueTask InitializeAsync() => await _mastodon.StartAsync();

    public async ValueTask DisposeAsync() => await _mastodon.DisposeAsync();

    [Fact]
    public async Task EditorDraftsChecksAndSubmits_ApproverApprovesFromQueue_PostIsScheduled()
    {
        await RegisterChannelAsAdminAsync();
        var postUrl = await DraftCheckAndSubmitAsEditorAsync();
        await ApproveAsApproverAsync(postUrl);

        // A caseworker is staff but does not read posts: a page saying so (403), not a problem document.
        var page = await SignInAsync("caseworker", "/staff");
        Assert.Equal(403, (await page.GotoAsync(postUrl))!.Status);
        await Expect(page.Locator(".notice")).ToContainTextAsync("vorbehalten");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    private async Task RegisterChannelAsAdminAsync()
    {
        var page = await SignInAsync("admin", "/staff/outreach/channels");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Kanäle", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Neuer Kanal" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Neuer Kanal", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#kind").SelectOptionAsync("mastodon");
        await page.Locator("#name").FillAsync(ChannelName);
        await page.Locator("#address").FillAsync(_mastodon.BaseAddress.ToString());
        await page.Locator("#account").FillAsync("@stadt@social.example");
        await page.Locator("#credentials-accessToken").FillAsync("token-of-the-city");
        await page.Locator("#owningUnit").FillAsync("Pressestelle");
        await page.Locator("#enabled").CheckAsync();

        // Enabling without the data-protection assessment: the module's rule, shown at the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Kanal speichern" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await page.Locator("#dataProtection-assessmentDone-error").WaitForAsync();
        Assert.Equal("true", await page.Locator("#dataProtection-assessmentDone").GetAttributeAsync("aria-invalid"));
        Assert.Equal("", await page.Locator("#credentials-accessToken").InputValueAsync()); // write-only: never sent back
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#credentials-accessToken").FillAsync("token-of-the-city");
        await page.Locator("#dataProtection-assessmentDone").CheckAsync();
        await page.Locator("#dataProtection-assessedOn").FillAsync("01.11.2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kanal speichern" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/outreach/channels?saved=*");
        var row = page.Locator("tr", new() { HasText = ChannelName });
        await Expect(row).ToContainTextAsync("eingeschaltet");
        await Expect(row).ToContainTextAsync("500 Zeichen, 4 Bilder"); // read from the instance
        Assert.DoesNotContain("token-of-the-city", await page.ContentAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "staff-outreach-channels");
        await page.Context.CloseAsync();
    }

    private async Task<string> DraftCheckAndSubmitAsEditorAsync()
    {
        var page = await SignInAsync("editor", "/staff/outreach");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Beiträge für soziale Medien", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // Bad input is never an error page.
        Assert.Equal(200, (await page.GotoAsync("/staff/outreach?status=abc&cursor=kaputt"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/staff/outreach/posts/abc"))!.Status);
        Assert.Equal(404, (await page.GotoAsync($"/staff/outreach/posts/{Guid.NewGuid()}"))!.Status);

        // The gate: not accepted yet, so the composer links the guidelines. Another test of the shared host (the
        // inbox) may have had the editor accept them already; then the composer opens at once.
        await page.GotoAsync("/staff/outreach/posts/new");
        var gate = page.GetByRole(AriaRole.Link, new() { Name = "Zu den Leitlinien" });
        await gate.Or(page.Locator("#title")).First.WaitForAsync();
        if (await gate.CountAsync() > 0)
        {
            await gate.ClickAsync();
            await AcceptGuidelinesAsync(page);
        }

        await page.GotoAsync("/staff/outreach/posts/new");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Neuer Beitrag", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#title").FillAsync(Title);
        await page.GetByLabel($"{ChannelName} (mastodon)", new() { Exact = true }).CheckAsync();
        await page.Locator("#text").FillAsync(TextWithPhone);

        // The Check button (a full page): the phone number is personal data.
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen" }).ClickAsync();
        var result = page.Locator("#check-result");
        await Expect(result).ToContainTextAsync("Personenbezogene Daten: Telefonnummer");
        await Expect(result).ToContainTextAsync($"{TextWithPhone.Length} von 500 Zeichen");
        Assert.Equal(TextWithPhone, await page.Locator("#text").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // Live: typing checks again without a page load (the script's fragment in the live region).
        await page.Locator("#text").FillAsync(CleanText);
        await Expect(result).ToContainTextAsync($"{CleanText.Length} von 500 Zeichen");
        await Expect(result).Not.ToContainTextAsync("Telefonnummer");
        await Expect(result).ToContainTextAsync("Bestanden");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "staff-outreach-composer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Zur Freigabe einreichen" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/outreach/posts/*?saved=submitted");
        await Expect(page.Locator(".post-status")).ToHaveTextAsync("Zur Freigabe");
        await Accessibility.AssertNoViolationsAsync(page);
        var url = new Uri(page.Url).AbsolutePath;
        await page.Context.CloseAsync();
        return url;
    }

    private async Task ApproveAsApproverAsync(string postUrl)
    {
        var page = await SignInAsync("approver", "/staff/outreach/approvals");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Freigaben", Level = 1 }).WaitForAsync();
        // As for the editor: the inbox test may have had the approver accept the guidelines already.
        var gate = page.GetByRole(AriaRole.Link, new() { Name = "Zu den Leitlinien" });
        if (await gate.CountAsync() > 0)
        {
            await gate.ClickAsync();
            await AcceptGuidelinesAsync(page);
        }

        await page.GotoAsync("/staff/outreach/approvals");
        var item = page.Locator("article.queue-item", new() { HasText = Title });
        await Expect(item).ToContainTextAsync($"{CleanText.Length} von 500 Zeichen");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "staff-outreach-approvals");
        await item.GetByRole(AriaRole.Button, new() { Name = $"Freigeben: {Title}" }).ClickAsync();
        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Der Beitrag ist freigegeben.");
        await Expect(page.Locator("article.queue-item", new() { HasText = Title })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync(postUrl);
        await Expect(page.Locator(".post-status")).ToHaveTextAsync("Freigegeben");
        await Expect(page.Locator(".post-facts")).ToContainTextAsync("Paul Pressesprecher");
        await Accessibility.AssertNoViolationsAsync(page);

        // Go out now (the delivery engine may already have picked it up, unless the storm alert holds it).
        await page.GetByRole(AriaRole.Button, new() { Name = "Veröffentlichen" }).ClickAsync();
        await page.WaitForURLAsync("**?saved=scheduled");
        await Expect(page.Locator(".post-status")).ToHaveTextAsync(new Regex("^(Geplant|Wird veröffentlicht|Veröffentlicht)$"));
        await Expect(page.Locator("tr", new() { HasText = "freigegeben (Leitlinien v" })).ToContainTextAsync("Paul Pressesprecher");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task AcceptGuidelinesAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Heading, new() { Name = "Social-Media-Leitlinien", Level = 1 }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ich habe die Leitlinien gelesen und akzeptiere sie" }).ClickAsync();
        await page.GetByText("Sie haben diese Version bestätigt am").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private async Task<IPage> SignInAsync(string user, string returnUrl)
    {
        var page = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(page, user, returnUrl);
        return page;
    }
}
