using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Announcements;
using Egov.IntegrationTests.Identity;
using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The development demo content (<c>Egov:Demo:Enabled</c>, issue 24): a newcomer's portal shows news,
/// an event, an official notice and a past alert; the home page shows them; no alert is in force; a webhook
/// channel to a local sink receives published news, signed with its secret.
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

        // Another test of this class publishes news of its own: count the demo's by their slugs.
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var kinds = items.Select(i => i.GetProperty("kind").GetString()).ToList();
        var slugs = items.Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.Contains("buergerbuero-donnerstags-bis-19-uhr", slugs);
        Assert.Contains("neue-gelbe-tonnen-ab-januar", slugs);
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

    [Fact]
    public async Task DemoEnabled_TheWebhookChannelToTheSink_IsRegisteredAndReceivesPublishedNewsSigned()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await factory.CreateClientAsAsync("admin");
        var channels = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outreach/channels", ct);
        var demo = Assert.Single(Items(channels), c => c.GetProperty("name").GetString() == "Demo-Webhook (lokale Senke)");
        Assert.True(demo.GetProperty("enabled").GetBoolean());
        Assert.Equal("webhook", demo.GetProperty("kind").GetString());

        using var editor = await factory.CreateClientAsAsync("editor");
        var title = $"Demo geteilt {Guid.NewGuid():N}"[..30];
        var (id, etag) = await AnnouncementWorkflowTests.CreateAsync(editor, new
        {
            kind = "News",
            categories = new[] { "town-hall" },
            variants = new[] { new { language = "de", title, summary = "Die Senke zeigt, was die Stadt teilt.", body = "Text." } },
        });
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/announcements/{id}/publish") { Content = JsonContent.Create(new { }) };
        publish.Headers.TryAddWithoutValidation("If-Match", etag);
        using var published = await editor.SendAsync(publish, ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        // The receiver verifies the signature with the configured secret; a wrong one would be refused (401) and never kept.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!factory.Sink.Deliveries.Any(d => d.Payload.GetProperty("text").GetString()!.Contains(title, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
        }

        Assert.Contains(factory.Sink.Deliveries, d => d.Payload.GetProperty("text").GetString()!.Contains(title, StringComparison.Ordinal));
        Assert.Equal(0, factory.Sink.Refused);
    }

    [Fact]
    public async Task DemoEnabled_TheHostsOwnSink_KeepsADeliveryAndListsItNewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = factory.CreateClient();

        using var first = await client.PostAsJsonAsync("/_demo/webhook-sink", new { text = "erste" }, ct);
        using var second = await client.PostAsJsonAsync("/_demo/webhook-sink", new { text = "zweite" }, ct);
        using var broken = await client.PostAsync("/_demo/webhook-sink", new StringContent("{nicht json", System.Text.Encoding.UTF8, "application/json"), ct);
        var kept = await client.GetFromJsonAsync<JsonElement>("/_demo/webhook-sink", ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var texts = kept.EnumerateArray().Select(d => d.GetProperty("text").GetString()).ToList();
        Assert.True(texts.IndexOf("zweite") < texts.IndexOf("erste"), string.Join(", ", texts));
    }

    [Fact]
    public async Task DemoDisabled_TheSinkDoesNotExist()
    {
        await using var plain = new EgovApplicationFactory();
        await plain.InitializeAsync();
        using var client = plain.CreateClient();

        using var response = await client.PostAsJsonAsync("/_demo/webhook-sink", new { text = "x" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : list.GetProperty("items").EnumerateArray();

    /// <summary>A test host with the demo content switched on (tests start empty otherwise), its webhook sink a receiver on 127.0.0.1.</summary>
    public sealed class DemoFactory : EgovApplicationFactory
    {
        public FakeWebhookReceiver Sink { get; } = new();

        public override async ValueTask InitializeAsync()
        {
            await Sink.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Sink.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:Demo:Enabled", "true");
            builder.UseSetting("Egov:Demo:WebhookSinkUrl", Sink.BaseAddress + "demo-sink");
            builder.UseSetting("Egov:Demo:WebhookSecret", Sink.Secret);
            builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");
        }
    }
}
