using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The development demo content (<c>Egov:Demo:Enabled</c>, issue 24): a newcomer's portal shows news,
/// an event, an official notice and a past alert; the home page shows them; no alert is in force.
/// </summary>
public sealed class DemoContentTests(DemoContentTests.DemoFactory factory) : IClassFixture<DemoContentTests.DemoFactory>
{
    [Fact]
    public async Task DemoEnabled_OnAnEmptyDatabase_SeedsNewsEventNoticeAndAPastAlert()
    {
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/announcements?limit=50", ct);
        var active = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts/active", ct);
        var alert = await client.GetAsync("/api/v1/announcements/sturmwarnung-stadtgebiet", ct);

        var kinds = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Equal(2, kinds.Count(k => k == "News"));
        Assert.Contains("Event", kinds);
        Assert.Contains("OfficialNotice", kinds);
        Assert.DoesNotContain("Alert", kinds);
        Assert.Equal(0, active.ValueKind == JsonValueKind.Array ? active.GetArrayLength() : active.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, alert.StatusCode);
    }

    [Fact]
    public async Task DemoEnabled_HomePage_ShowsTheDemoNews()
    {
        using var browser = factory.CreateClient();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var home = WebUtility.HtmlDecode(await browser.GetStringAsync("/", TestContext.Current.CancellationToken));

        Assert.Contains("Bürgerbüro donnerstags bis 19 Uhr geöffnet", home, StringComparison.Ordinal);
        Assert.Contains("Neue Gelbe Tonnen ab Januar", home, StringComparison.Ordinal);
    }

    /// <summary>A test host with the demo content switched on (tests start empty otherwise).</summary>
    public sealed class DemoFactory : EgovApplicationFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:Demo:Enabled", "true");
        }
    }
}
