using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// Issue 20, defect 16: a citizen submits the same application from a second browser tab after it was
/// filed in the first. The answer is the application's page saying it is filed (with its reference
/// number), not an error page asking to try again; the application stays filed once.
/// </summary>
public sealed class SecondTabSubmitTests(StaffPagesBadInputTests.Factory factory) : IClassFixture<StaffPagesBadInputTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_FromASecondTab_AfterTheFirstFiledIt_ShowsTheFiledApplication()
    {
        using var api = await factory.CreateClientAsAsync("erika");
        var id = await Filing.DraftReadyToSubmitAsync(api);
        var browser = await factory.BrowserAsync("erika");
        var edit = await browser.GetAsync($"/applications/{id}/edit?step=999", Ct);
        var html = await edit.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]*)\"").Groups[1].Value;

        // The first tab files it.
        using var first = await api.PostAsync($"/api/v1/applications/{id}/submit", null, Ct);
        var reference = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("referenceNumber").GetString()!;

        var second = await browser.PostAsync($"/applications/{id}/edit?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["idempotencyKey"] = Guid.NewGuid().ToString(),
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var page = await browser.GetAsync(second.Headers.Location, Ct);
        var shown = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Dieser Antrag ist bereits eingereicht", shown, StringComparison.Ordinal);
        Assert.Contains(reference, shown, StringComparison.Ordinal);
        Assert.Equal("Submitted", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", Ct)).GetProperty("status").GetString());
    }
}
