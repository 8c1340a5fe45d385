using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Mobile.Push;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The reach section of the staff alert page <c>/staff/alerts/{id}</c> and its JSON handler
/// (<c>?handler=Reach</c>, polled by <c>alert-reach.js</c>): an alert issued through the form goes
/// out to two Web Push devices of its region, one alive and one gone, and the page and the JSON show
/// one push sent and one failed; a citizen is refused.
/// </summary>
public sealed partial class AlertReachPageTests(StaffPagesBadInputTests.Factory factory) : IClassFixture<StaffPagesBadInputTests.Factory>
{
    // The regional key StaffPagesBadInputTests.Factory.AlertAsync issues its alert for.
    private const string Region = "091620000000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IssuedAlert_PageAndJsonShowPushSentAndFailed_CitizenRefused()
    {
        await using var push = await FakePushService.StartAsync();
        var crisis = await factory.BrowserAsync("crisis");
        using var app = new HttpClient { BaseAddress = factory.PublicBaseAddress };
        using var alive = push.Subscribe();
        using var gone = push.Subscribe();
        await Devices.RegisterAsync(app, alive.Registration("alerts:minor", $"region:{Region}"));
        await Devices.RegisterAsync(app, gone.Registration("alerts:minor", $"region:{Region}"));
        push.Answer(gone, (410, null));

        var id = await factory.AlertAsync(crisis);

        JsonElement reach;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            reach = await ReachJsonAsync(crisis, id);
            var pushRow = reach.GetProperty("rows").EnumerateArray().Last();
            if (pushRow.GetProperty("sent").GetInt32() + pushRow.GetProperty("failed").GetInt32() == 2 && pushRow.GetProperty("pending").GetInt32() == 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not all out after 30 s: {reach}");
            await Task.Delay(200, Ct);
        }

        var last = reach.GetProperty("rows").EnumerateArray().Last();
        Assert.Equal((1, 1, 0), (last.GetProperty("sent").GetInt32(), last.GetProperty("failed").GetInt32(), last.GetProperty("pending").GetInt32()));
        Assert.Matches("^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$", reach.GetProperty("asOfText").GetString());

        var page = await crisis.GetAsync($"/staff/alerts/{id}", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h2 id=\"reach-heading\">Reichweite</h2>", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
        Assert.Matches(PushRow(), html);
        Assert.Matches("Stand: <time id=\"reach-as-of\" datetime=\"[^\"]+\">[0-2][0-9]:[0-5][0-9]:[0-5][0-9]</time>", html);
        Assert.Contains("<script src=\"/_content/Egov.Modules.Announcements/js/alert-reach.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/staff/alerts/{id}#reach\">Aktualisieren</a>", html, StringComparison.Ordinal);
        // The module serves its own script (a static web asset); the host keeps no module's script.
        var script = await crisis.GetAsync("/_content/Egov.Modules.Announcements/js/alert-reach.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.EndsWith("/javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("reach-rows", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var hostCopy = await crisis.GetAsync("/js/alert-reach.js", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hostCopy.StatusCode);

        var erika = await factory.BrowserAsync("erika");
        using var refused = await GetReachAsync(erika, id);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task UnknownAlert_ReachIsNotFound()
    {
        var crisis = await factory.BrowserAsync("crisis");
        using var unknown = await GetReachAsync(crisis, Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<JsonElement> ReachJsonAsync(HttpClient browser, Guid id)
    {
        using var response = await GetReachAsync(browser, id);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> GetReachAsync(HttpClient browser, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/staff/alerts/{id}?handler=Reach");
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await browser.SendAsync(request, Ct);
    }

    // The app-push row: name, kind, sent 1, failed 1 (the gone device), pending 0.
    [GeneratedRegex("<th scope=\"row\">App-Push[^<]*</th>\\s*<td>[^<]*</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>0</td>")]
    private static partial Regex PushRow();
}
