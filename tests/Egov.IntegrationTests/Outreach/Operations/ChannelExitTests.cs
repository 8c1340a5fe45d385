using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach.Social;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Operations;

/// <summary>
/// The channel exit kit (ADR 0027): retiring a channel moves its posts not yet out to the replacements, drafts a farewell
/// that needs a second person and is the one post the retired channel still sends, refuses new posts, exports the
/// channel's archive and nothing of other channels, and refuses bad replacements naming the field.
/// </summary>
public sealed class ChannelExitTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, string Token, string Name)> MastodonChannelAsync(HttpClient admin, string account = "@stadt@social.example")
    {
        var token = "exit-token-" + Guid.NewGuid().ToString("N");
        var name = $"Exit {Guid.NewGuid():N}";
        var channel = Channel("mastodon", name, factory.Mastodon.BaseAddress.ToString(), account);
        channel["credentials"] = new JsonObject { ["accessToken"] = token };
        return ((await CreateChannelAsync(admin, channel)).GetProperty("id").GetGuid(), token, name);
    }

    private static async Task<Guid> WebhookChannelAsync(HttpClient admin, Uri receiver, bool enabled = true) =>
        (await CreateChannelAsync(admin, Channel("webhook", $"Exit hook {Guid.NewGuid():N}", receiver + "hooks/exit", enabled: enabled))).GetProperty("id").GetGuid();

    private static async Task<int> VersionAsync(HttpClient client, Guid channel) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/channels/{channel}", Ct)).GetProperty("version").GetInt32();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> RetireAsync(HttpClient admin, Guid channel, object body) =>
        await SendAsync(admin, HttpMethod.Post, $"/api/v1/outreach/channels/{channel}/retire", body, await VersionAsync(admin, channel));

    [Fact]
    public async Task Retiring_MovesItsScheduledPostsToTheReplacement_DraftsAFarewellForASecondPerson_AndTakesNoNewPosts()
    {
        // The administrator is in the press office too: the farewell drafted in their name still needs someone else.
        using var admin = factory.CreateClientWithRoles("admin-press-" + Guid.NewGuid().ToString("N"), "Ada Admin", "Administrator", "Approver");
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        await AcknowledgeAsync(admin);
        var (retiring, token, retiringName) = await MastodonChannelAsync(admin, "@alt@social.example");
        var replacement = await WebhookChannelAsync(admin, factory.Webhook.BaseAddress);
        var (staying, _, _) = await MastodonChannelAsync(admin, "@bleibt@social.example");

        var scheduledText = $"Sperrmüll am Samstag {Guid.NewGuid():N}";
        var scheduled = await CreatePostAsync(editor, Post("Sperrmüll", false, (retiring, scheduledText)));
        scheduled = (await TransitionAsync(editor, scheduled, "submit")).Body;
        scheduled = (await TransitionAsync(approver, scheduled, "approve")).Body;
        var (scheduledStatus, scheduledBody) = await TransitionAsync(editor, scheduled, "schedule", new { publishAt = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(scheduledStatus == HttpStatusCode.OK, scheduledBody.ToString());
        Assert.Equal("Scheduled", scheduledBody.GetProperty("status").GetString());
        var shared = await CreatePostAsync(editor, Post("Geteilt", false, (retiring, "Auf beiden Kanälen"), (staying, "Auf beiden Kanälen")));

        var (status, result) = await RetireAsync(admin, retiring, new { reason = "Die Plattform hat ihre Nutzungsbedingungen geändert.", replacementChannelIds = new[] { replacement } });

        Assert.True(status == HttpStatusCode.OK, result.ToString());
        var retirement = result.GetProperty("channel").GetProperty("retirement");
        Assert.Equal(("Die Plattform hat ihre Nutzungsbedingungen geändert.", "Ada Admin"), (retirement.GetProperty("reason").GetString(), retirement.GetProperty("retiredByName").GetString()));
        Assert.False(result.GetProperty("channel").GetProperty("enabled").GetBoolean());
        var moved = await GetPostAsync(editor, scheduled);
        Assert.Equal([replacement], moved.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("channelId").GetGuid()));
        Assert.Equal(scheduledText, moved.GetProperty("variants")[0].GetProperty("text").GetString());
        // The approval covered the text on the old platform: the moved post is reviewed again before it goes out.
        Assert.Equal("InReview", moved.GetProperty("status").GetString());
        var sharedNow = await GetPostAsync(editor, shared);
        Assert.Equal(new[] { replacement, staying }.Order(), sharedNow.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("channelId").GetGuid()).Order());

        // The farewell names the channels that remain, waits for approval, and not the retiring administrator's.
        var farewellId = result.GetProperty("farewellPostId").GetGuid();
        Assert.Equal("InReview", result.GetProperty("farewellStatus").GetString());
        var farewell = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/posts/{farewellId}", Ct);
        var farewellText = farewell.GetProperty("variants")[0].GetProperty("text").GetString()!;
        Assert.Contains("@bleibt", farewellText, StringComparison.Ordinal);
        Assert.DoesNotContain("@alt", farewellText.Replace(retiringName, "", StringComparison.Ordinal), StringComparison.Ordinal);
        var selfApproval = await TransitionAsync(admin, farewell, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.Status);
        Assert.Contains("four-eyes", selfApproval.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Mastodon.StatusesOf(token), s => s.Text == farewellText);
        var approved = await TransitionAsync(approver, farewell, "approve");
        Assert.True(approved.Status == HttpStatusCode.OK, approved.Body.ToString());
        Assert.Equal(HttpStatusCode.OK, (await TransitionAsync(approver, approved.Body, "schedule", new { })).Status);
        await WaitUntilAsync(() => factory.Mastodon.StatusesOf(token).Any(s => s.Text == farewellText), "the approved farewell goes out on the retired channel");

        // Nothing new: neither a post nor a change of the channel.
        var refused = await SendAsync(editor, HttpMethod.Post, "/api/v1/outreach/posts", Post("Zu spät", false, (retiring, "Noch etwas")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Body.GetProperty("errors").TryGetProperty("variants[0].channelId", out _), refused.Body.ToString());
        Assert.Equal(HttpStatusCode.Conflict, (await RetireAsync(admin, retiring, new { reason = "Noch einmal" })).Status);
    }

    [Fact]
    public async Task Retiring_WithoutReplacement_CancelsAPostThatHadOnlyThisChannel()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var (retiring, _, _) = await MastodonChannelAsync(admin);
        var draft = await CreatePostAsync(editor, Post("Nur hier", false, (retiring, "Nur auf diesem Kanal")));

        var (status, result) = await RetireAsync(admin, retiring, new { reason = "Eingestellt", farewell = false });

        Assert.True(status == HttpStatusCode.OK, result.ToString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("farewellPostId").ValueKind);
        var outcome = Assert.Single(result.GetProperty("posts").EnumerateArray());
        Assert.Equal(("cancelled", "Cancelled"), (outcome.GetProperty("outcome").GetString(), outcome.GetProperty("status").GetString()));
        Assert.Equal("Cancelled", (await GetPostAsync(editor, draft)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Retiring_WithABadReplacementOrNoReason_Answers400NamingTheField_AndChangesNothing()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var (retiring, _, _) = await MastodonChannelAsync(admin);
        var disabled = await WebhookChannelAsync(admin, factory.Webhook.BaseAddress, enabled: false);

        var cases = new (object Body, string Field)[]
        {
            (new { reason = "Weg", replacementChannelIds = new[] { Guid.NewGuid() } }, "replacementChannelIds[0]"),
            (new { reason = "Weg", replacementChannelIds = new[] { retiring } }, "replacementChannelIds[0]"),
            (new { reason = "Weg", replacementChannelIds = new[] { disabled } }, "replacementChannelIds[0]"),
            (new { reason = "  " }, "reason"),
        };
        foreach (var (body, field) in cases)
        {
            var (status, problem) = await RetireAsync(admin, retiring, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var channel = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/channels/{retiring}", Ct);
        Assert.True(channel.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, channel.GetProperty("retirement").ValueKind);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(admin, HttpMethod.Post, $"/api/v1/outreach/channels/{retiring}/retire", new { reason = "Weg" })).Status);
        using var editor = await factory.CreateClientAsAsync("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/channels/{retiring}/retire", new { reason = "Weg" }, 1)).Status);
    }

    [Fact]
    public async Task TheArchive_HoldsTheChannelsPostsDeliveriesAndInbox_AndNothingOfOtherChannels()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var (archived, token, name) = await MastodonChannelAsync(admin);
        var (other, _, _) = await MastodonChannelAsync(admin);
        var mine = $"Hier gesendet {Guid.NewGuid():N}";
        var theirs = $"Nur dort {Guid.NewGuid():N}";
        var elsewhere = $"Ganz woanders {Guid.NewGuid():N}";
        var post = await CreatePostAsync(editor, Post("Beide", false, (archived, mine), (other, theirs)));
        post = (await TransitionAsync(editor, post, "submit")).Body;
        post = (await TransitionAsync(approver, post, "approve")).Body;
        Assert.Equal(HttpStatusCode.OK, (await TransitionAsync(editor, post, "schedule", new { })).Status);
        await CreatePostAsync(editor, Post("Anderer Kanal", false, (other, elsewhere)));
        factory.Mastodon.AddMention(token, "ines@social.example", "Ines", "<p>Gilt das auch für Sonntag?</p>");
        await factory.ReadInboxAsync(archived, Ct);
        await WaitUntilAsync(() => factory.Mastodon.StatusesOf(token).Any(s => s.Text == mine), "the post is delivered");

        using var response = await admin.GetAsync($"/api/v1/outreach/channels/{archived}/archive", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct));
        var files = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd());

        Assert.Equal(["channel.json", "inbox.json", "posts.json"], files.Keys.Order());
        Assert.Equal(name, JsonDocument.Parse(files["channel.json"]).RootElement.GetProperty("name").GetString());
        var posts = JsonDocument.Parse(files["posts.json"]).RootElement;
        var archivedPost = Assert.Single(posts.EnumerateArray());
        Assert.Equal(mine, archivedPost.GetProperty("variant").GetProperty("text").GetString());
        var delivery = Assert.Single(archivedPost.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("Sent", delivery.GetProperty("status").GetString());
        Assert.Equal("Gilt das auch für Sonntag?", Assert.Single(JsonDocument.Parse(files["inbox.json"]).RootElement.EnumerateArray()).GetProperty("text").GetString());
        var everything = string.Concat(files.Values);
        Assert.DoesNotContain(theirs, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/api/v1/outreach/channels/{archived}/archive", Ct)).StatusCode);
    }
}
