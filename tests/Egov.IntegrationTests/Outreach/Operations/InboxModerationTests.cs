using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach.Social;
using Egov.Modules.Outreach.Domain.Inbox;
using Egov.Modules.Outreach.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Operations;

/// <summary>
/// Hiding and reporting abusive items where the platform allows it, against the fake platforms: a Facebook comment is
/// hidden through the Graph API (<c>is_hidden</c>), an Instagram comment too (<c>hide</c>), a Mastodon status is reported
/// to the instance (<c>POST /api/v1/reports</c>); who, when and why are recorded on the item; a kind without it
/// answers 422 in words and nothing goes out.
/// </summary>
public sealed class InboxModerationTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ChannelAsync(JsonObject channel)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        return (await CreateChannelAsync(admin, channel)).GetProperty("id").GetGuid();
    }

    /// <summary>An item as the inbox reader stores it (the reading itself is tested in <c>InboxTests</c>).</summary>
    private async Task<Guid> StoreItemAsync(Guid channel, string kind, string platformItemId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var item = InboxItem.Import(channel, kind, platformItemId, platformItemId, "comment", null, "troll", "Troll", "Beleidigung", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        db.InboxItems.Add(item);
        await db.SaveChangesAsync(Ct);
        return item.Id;
    }

    [Fact]
    public async Task HidingAFacebookComment_HidesItThroughTheGraphApi_AndRecordsWhoAndWhy()
    {
        var page = "10" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var channel = Channel("facebook", $"Facebook {Guid.NewGuid():N}", page);
        channel["credentials"] = new JsonObject { ["pageAccessToken"] = "EAA-page-token" };
        var id = await ChannelAsync(channel);
        var comment = factory.Meta.AddComment(page + "_1", "Troll", "Beleidigung");
        var item = await StoreItemAsync(id, "facebook", comment);
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, body) = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/moderate", new { action = "hide", reason = "Beleidigung eines Mitarbeiters" });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("is_hidden", factory.Meta.HiddenComments[comment]);
        Assert.Equal(("hide", "Eva Redakteurin", "Beleidigung eines Mitarbeiters"), (body.GetProperty("moderation").GetString(), body.GetProperty("moderatedByName").GetString(), body.GetProperty("moderationReason").GetString()));
        Assert.True(body.GetProperty("flagged").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/moderate", new { action = "hide", reason = "nochmal" })).Status);
    }

    [Fact]
    public async Task HidingAnInstagramComment_UsesInstagramsHideParameter()
    {
        var account = "17" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var channel = Channel("instagram", $"Instagram {Guid.NewGuid():N}", account);
        channel["credentials"] = new JsonObject { ["accessToken"] = "IGQ-token" };
        var id = await ChannelAsync(channel);
        var comment = factory.Meta.AddComment(account + "_media", "troll", "Beleidigung");
        var item = await StoreItemAsync(id, "instagram", comment);
        using var approver = await factory.CreateClientAsAsync("approver");

        var (status, body) = await SendAsync(approver, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/moderate", new { action = "hide", reason = "Spam" });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("hide", factory.Meta.HiddenComments[comment]);
    }

    [Fact]
    public async Task ReportingAMastodonStatus_FilesAReportWithItsAccountAndTheReason()
    {
        var token = "moderation-" + Guid.NewGuid().ToString("N");
        var channel = Channel("mastodon", $"Mastodon {Guid.NewGuid():N}", factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example");
        channel["credentials"] = new JsonObject { ["accessToken"] = token };
        var id = await ChannelAsync(channel);
        var status = factory.Mastodon.AddMention(token, "troll@other.example", "Troll", "<p>Beleidigung</p>");
        var item = await StoreItemAsync(id, "mastodon", status);
        using var editor = await factory.CreateClientAsAsync("editor");

        var hide = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/moderate", new { action = "hide", reason = "Beleidigung" });
        var (answer, body) = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/moderate", new { action = "report", reason = "Beleidigung" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, hide.Status);
        Assert.True(answer == HttpStatusCode.OK, body.ToString());
        var report = Assert.Single(factory.Mastodon.Reports, r => r.AccessToken == token);
        Assert.Equal(("acc-troll@other.example", status, "Beleidigung", true), (report.AccountId, Assert.Single(report.StatusIds), report.Comment, report.Forward));
        Assert.Equal("report", body.GetProperty("moderation").GetString());
    }

    [Fact]
    public async Task AKindThatCannotModerate_Answers422InWords_AndRecordsNothing()
    {
        var id = await ChannelAsync(Channel("bluesky", $"Bluesky {Guid.NewGuid():N}", factory.Bluesky.BaseAddress.ToString(), "stadt.bsky.social"));
        var item = await StoreItemAsync(id, "bluesky", "at://did:plc:troll/app.bsky.feed.post/1|cid");
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, problem) = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/moderate", new { action = "hide", reason = "Beleidigung" });
        var badAction = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/moderate", new { action = "delete", reason = "x" });
        var noReason = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/moderate", new { action = "hide" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("moderation-unsupported", problem.GetProperty("code").GetString());
        Assert.Contains("bluesky", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(badAction.Body.GetProperty("errors").TryGetProperty("action", out _));
        Assert.True(noReason.Body.GetProperty("errors").TryGetProperty("reason", out _));
        var stored = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/inbox?channelId={id}", Ct)).GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("moderation").ValueKind);
    }
}
