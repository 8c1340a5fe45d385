using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// The hand-off panel of the staff case page in the browser: Erika files the Hundesteuer-Anmeldung (the
/// shared host configures no specialist system, so nothing is handed off); Clara sees that on the case,
/// exports the case for the e-file from the panel, and then sees the export listed there. axe checks both states.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HandoffPanelTests(PortalHost host)
{
    [Fact]
    public async Task Caseworker_SeesTheHandoffPanel_ExportsForTheEFile_AndSeesTheExportListed()
    {
        var erika = await host.NewPageAsync();
        var reference = await Filing.FileDogTaxAsync(erika);
        var caseId = new Uri(erika.Url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();

        var staff = await host.NewPageAsync();
        await DevelopmentLogin.SignInAsync(staff, "caseworker", $"/staff/cases/{caseId}");
        await staff.GetByRole(AriaRole.Heading, new() { Name = reference, Level = 1 }).WaitForAsync();
        var panel = staff.Locator("#handoffs");
        await panel.GetByRole(AriaRole.Heading, new() { Name = "Übergaben an Fachverfahren und E-Akte" }).WaitForAsync();
        Assert.Contains("bisher an kein Fachverfahren übergeben", await panel.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(staff);

        var download = await staff.RunAndWaitForDownloadAsync(() =>
            panel.GetByRole(AriaRole.Link, new() { Name = "Für die E-Akte exportieren (xdomea, ZIP)" }).ClickAsync());
        Assert.Equal($"{reference}.xdomea.zip", download.SuggestedFilename);

        await staff.ReloadAsync();
        var row = panel.Locator("tbody tr");
        await row.WaitForAsync();
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("E-Akte", cells[0].Trim());
        Assert.Equal("xdomea-Export für die E-Akte", cells[1].Trim());
        Assert.Equal("exportiert", cells[3].Trim());
        Assert.Empty((await row.GetByRole(AriaRole.Button).AllAsync()));
        await Accessibility.AssertNoViolationsAsync(staff);
    }
}
