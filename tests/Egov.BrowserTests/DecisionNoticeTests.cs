using System.Security.Cryptography;
using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// A decision notice in the browser: Erika files the Hundesteuer-Anmeldung; Clara starts the review,
/// previews a rejection notice with her reasons, issues it; Erika downloads the notice from her
/// application page, and its SHA-256 is the one the page shows. axe checks the page states.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DecisionNoticeTests(PortalHost host)
{
    [Fact]
    public async Task Caseworker_PreviewsAndIssuesARejectionNotice_ApplicantDownloadsIt()
    {
        var erika = await host.NewPageAsync();
        var reference = await Filing.FileDogTaxAsync(erika);
        var applicationPath = new Uri(erika.Url).AbsolutePath;
        var caseId = applicationPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();

        var staff = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(staff, "caseworker", $"/staff/cases/{caseId}");
        await staff.GetByRole(AriaRole.Heading, new() { Name = reference, Level = 1 }).WaitForAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Bearbeitung beginnen" }).ClickAsync();
        await staff.Locator(".case-status", new() { HasText = "In Bearbeitung" }).WaitForAsync();

        const string reasons = "Der Hund ist bereits unter dem Aktenzeichen HSt-2025-117 angemeldet; eine zweite Anmeldung ist nicht möglich.";
        await staff.GetByLabel("Ablehnung", new() { Exact = true }).CheckAsync();
        await staff.Locator("#notice-text").FillAsync(reasons);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Vorschau" }).ClickAsync();
        var preview = staff.Locator(".notice-preview");
        await preview.WaitForAsync();
        var previewText = await preview.InnerTextAsync();
        Assert.Contains("Ablehnung Ihrer Anmeldung zur Hundesteuer", previewText, StringComparison.Ordinal);
        Assert.Contains(reasons, previewText, StringComparison.Ordinal);
        Assert.Contains("Rechtsbehelfsbelehrung", previewText, StringComparison.Ordinal);
        Assert.Equal("In Bearbeitung", await staff.Locator(".case-status").InnerTextAsync());
        Assert.Equal(reasons, await staff.Locator("#notice-text").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(staff);

        await staff.GetByRole(AriaRole.Button, new() { Name = "Bescheid erlassen und entscheiden" }).ClickAsync();
        await staff.Locator(".case-status", new() { HasText = "Abgelehnt" }).WaitForAsync();
        await staff.GetByText("Der Bescheid ist erlassen").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(staff);

        await erika.GotoAsync(applicationPath);
        var notices = erika.Locator("#decision-notices");
        await notices.WaitForAsync();
        var shown = (await notices.Locator("code").InnerTextAsync()).Trim();
        await Accessibility.AssertNoViolationsAsync(erika);
        var download = await erika.RunAndWaitForDownloadAsync(() =>
            notices.GetByRole(AriaRole.Link, new() { Name = "Ablehnung Ihrer Anmeldung zur Hundesteuer (PDF)" }).ClickAsync());
        Assert.Equal($"Bescheid-{reference}.pdf", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), bytes.ToArray()[..5]);
        Assert.Equal(shown, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
    }
}
