using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Announcements;
using Egov.IntegrationTests.Identity;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The Development default of the demo webhook channel, a path (<c>/_demo/webhook-sink</c>): on a real server on a
/// port of its own (not the 5080 of the README) the channel posts to this host's sink, and published news arrives there.
/// </summary>
public sealed class DemoOwnSinkTests(DemoOwnSinkTests.OwnSinkFactory factory) : IClassFixture<DemoOwnSinkTests.OwnSinkFactory>
{
    [Fact]
    public async Task DemoSinkAsAPath_OnAnyPort_IsThisHostsOwnAndReceivesPublishedNews()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.PasswordGrantAsync(admin, "admin"));

        // The channel is made once the server listens, just after start.
        JsonElement? demo = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); demo is null && DateTime.UtcNow < deadline; await Task.Delay(100, ct))
        {
            var channels = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outreach/channels", ct);
            demo = channels.EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(c => c!.Value.GetProperty("name").GetString() == "Demo-Webhook (lokale Senke)");
        }

        Assert.NotNull(demo);
        var address = new Uri(demo.Value.GetProperty("address").GetString()!);
        Assert.True(address.IsLoopback, address.ToString());
        Assert.Equal(admin.BaseAddress!.Port, address.Port);
        Assert.Equal("/_demo/webhook-sink", address.AbsolutePath);

        using var editor = factory.CreateClient();
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.PasswordGrantAsync(editor, "editor"));
        var title = $"Eigene Senke {Guid.NewGuid():N}"[..30];
        var (id, etag) = await AnnouncementWorkflowTests.CreateAsync(editor, new
        {
            kind = "News",
            categories = new[] { "town-hall" },
            variants = new[] { new { language = "de", title, summary = "Der Host teilt mit sich selbst.", body = "Text." } },
        });
        using var published = await AnnouncementWorkflowTests.SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var received = false;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); !received && DateTime.UtcNow < deadline; await Task.Delay(100, ct))
        {
            var kept = await admin.GetFromJsonAsync<JsonElement>("/_demo/webhook-sink", ct);
            received = kept.EnumerateArray().Any(d => d.GetRawText().Contains(title, StringComparison.Ordinal));
        }

        Assert.True(received, $"the sink of {address} never received \"{title}\"");
    }

    /// <summary>Kestrel on a free port, the demo on, its sink given as a path as in <c>appsettings.Development.json</c>.</summary>
    public sealed class OwnSinkFactory : EgovApplicationFactory
    {
        public OwnSinkFactory() => UseKestrel(0);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:Demo:Enabled", "true");
            builder.UseSetting("Egov:Demo:WebhookSinkUrl", "/_demo/webhook-sink");
            builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");
        }
    }
}
