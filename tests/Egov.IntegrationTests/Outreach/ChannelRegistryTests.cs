using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Outreach.Persistence;
using Egov.Testing.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach;

/// <summary>The channel registry: limits read from the platform, credentials encrypted and never shown, data protection before enabling.</summary>
public sealed class ChannelRegistryTests(OutreachFactory factory) : IClassFixture<OutreachFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateMastodonChannel_ReadsLimitsFromTheInstance_AndNeverShowsOrStoresCredentialsInClear()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var reads = factory.Mastodon.InstanceReads;

        var channel = await CreateChannelAsync(admin, Channel("mastodon", "@stadt@registry.example", factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example"));

        Assert.Equal(reads + 1, factory.Mastodon.InstanceReads);
        var limits = channel.GetProperty("limits");
        Assert.Equal(500, limits.GetProperty("maxLength").GetInt32());
        Assert.Equal(23, limits.GetProperty("charactersReservedPerUrl").GetInt32());
        Assert.Equal(4, limits.GetProperty("maxMedia").GetInt32());
        Assert.Equal("instance", limits.GetProperty("source").GetString());
        Assert.True(channel.GetProperty("hasCredentials").GetBoolean());
        Assert.DoesNotContain("SECRET", channel.GetRawText(), StringComparison.Ordinal);
        var listed = await admin.GetStringAsync("/api/v1/outreach/channels", Ct);
        Assert.DoesNotContain("SECRET", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("accessToken", listed, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<OutreachDbContext>().Channels.AsNoTracking()
            .SingleAsync(c => c.Id == channel.GetProperty("id").GetGuid(), Ct);
        Assert.NotNull(stored.ProtectedCredentials);
        Assert.DoesNotContain("SECRET", stored.ProtectedCredentials, StringComparison.Ordinal);
        var protector = scope.ServiceProvider.GetRequiredService<Egov.Modules.Outreach.Features.Channels.ChannelCredentialProtector>();
        Assert.Equal("mastodon-token-SECRET-0123456789", protector.Unprotect(stored.ProtectedCredentials)["accessToken"]);
    }

    [Fact]
    public async Task CreateMastodonChannel_OnAnInstanceAllowing1000Characters_Uses1000()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        factory.Mastodon.InstanceDocument = FakeMastodon.WithMaxCharacters(1000);
        try
        {
            var channel = await CreateChannelAsync(admin, Channel("mastodon", "@stadt@thousand.example", factory.Mastodon.BaseAddress.ToString(), "@stadt@thousand.example"));

            Assert.Equal(1000, channel.GetProperty("limits").GetProperty("maxLength").GetInt32());
        }
        finally
        {
            factory.Mastodon.InstanceDocument = FakeMastodon.InstanceExample;
        }
    }

    [Fact]
    public async Task CreateMastodonChannel_WhenTheInstanceIsDown_Is400NamingTheAddress_AndStoresNothing()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        factory.Mastodon.Down = true;
        try
        {
            var (status, body) = await SendAsync(admin, HttpMethod.Post, "/api/v1/outreach/channels",
                Channel("mastodon", "@down@down.example", factory.Mastodon.BaseAddress.ToString(), "@down@down.example"));

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(body.GetProperty("errors").TryGetProperty("address", out _), body.ToString());
        }
        finally
        {
            factory.Mastodon.Down = false;
        }

        var names = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/outreach/channels", Ct)).EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.DoesNotContain("@down@down.example", names);
    }

    [Theory]
    [InlineData("assessment", "dataProtection.assessmentDone")]
    [InlineData("credentials", "credentials")]
    [InlineData("plain-http", "address")]
    [InlineData("short-secret", "credentials.secret")]
    [InlineData("kind", "kind")]
    [InlineData("telegram-chat", "address")]
    public async Task CreateChannel_WithBadInput_Is400NamingTheField(string defect, string field)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = Channel("webhook", $"Webhook {defect}", "https://partner.example/hooks/egov");
        switch (defect)
        {
            case "assessment": channel["dataProtection"] = new System.Text.Json.Nodes.JsonObject { ["assessmentDone"] = false }; break;
            case "credentials": channel.Remove("credentials"); break;
            case "plain-http": channel["address"] = "http://partner.example/hooks/egov"; break;
            case "short-secret": channel["credentials"] = new System.Text.Json.Nodes.JsonObject { ["secret"] = "too-short" }; break;
            case "kind": channel["kind"] = "myspace"; break;
            case "telegram-chat": channel = Channel("telegram", "Telegram bad chat", "not a chat id"); break;
        }

        var (status, body) = await SendAsync(admin, HttpMethod.Post, "/api/v1/outreach/channels", channel);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task CreateChannel_AsEditor_Is403()
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, _) = await SendAsync(editor, HttpMethod.Post, "/api/v1/outreach/channels", Channel("telegram", "Telegram by editor", "@stadt_info"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task UpdateChannel_NeedsIfMatch_AndKeepsCredentialsWhenOmitted()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var created = await CreateChannelAsync(admin, Channel("bluesky", "Bluesky update", account: "stadt.bsky.social"));
        var id = created.GetProperty("id").GetGuid();
        var change = Channel("bluesky", "Bluesky renamed", account: "stadt.bsky.social");
        change.Remove("credentials");

        var withoutIfMatch = await SendAsync(admin, HttpMethod.Put, $"/api/v1/outreach/channels/{id}", change);
        var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/outreach/channels/{id}", change, ifMatch: 99);
        var updated = await SendAsync(admin, HttpMethod.Put, $"/api/v1/outreach/channels/{id}", change, created.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.Status);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("Bluesky renamed", updated.Body.GetProperty("name").GetString());
        Assert.True(updated.Body.GetProperty("hasCredentials").GetBoolean());
        Assert.Equal(300, updated.Body.GetProperty("limits").GetProperty("maxLength").GetInt32());
        Assert.Equal(3000, updated.Body.GetProperty("limits").GetProperty("maxBytes").GetInt32());
    }
}
