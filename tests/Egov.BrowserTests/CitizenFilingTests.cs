using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// Erika (a seeded citizen of the development provider) files the Hundesteuer-Anmeldung in the
/// browser: login, the steps with the conditional section for listed breeds, a server-side error,
/// attachments, submission, the receipt as PDF and "my applications". axe checks every page.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CitizenFilingTests(PortalHost host)
{
    [Fact]
    public async Task Erika_FilesDogTaxWithConditionalSectionAndAttachments_DownloadsReceipt()
    {
        var page = await host.NewPageAsync();
        var reference = await Filing.FileDogTaxAsync(page, screenshots: true);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Eingangsbestätigung herunterladen (PDF)" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await using (var stream = await download.CreateReadStreamAsync())
        {
            var head = new byte[5];
            await stream.ReadExactlyAsync(head, TestContext.Current.CancellationToken);
            Assert.Equal("%PDF-"u8.ToArray(), head);
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Meine Anträge" }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = reference });
        await row.WaitForAsync();
        Assert.Contains("Eingegangen", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-applications");
        await page.Context.CloseAsync();
    }
}
