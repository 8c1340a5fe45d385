using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach.Social;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Operations;

/// <summary>
/// A channel's acknowledgement policy: the press office approves a few stock answers once; an answer that is exactly one
/// of them goes out without a second person, any other answer keeps four eyes.
/// </summary>
public sealed class AcknowledgementPolicyTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private const string Thanks = "Danke für Ihren Hinweis, wir kümmern uns.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, string Token)> ChannelWithPolicyAsync()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var token = "ack-" + Guid.NewGuid().ToString("N");
        var channel = Channel("mastodon", $"Ack {Guid.NewGuid():N}", factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example");
        channel["credentials"] = new JsonObject { ["accessToken"] = token };
        var created = await CreateChannelAsync(admin, channel);
        using var approver = await factory.CreateClientAsAsync("approver");
        var (status, body) = await SendAsync(approver, HttpMethod.Put, $"/api/v1/outreach/channels/{created.GetProperty("id").GetGuid()}/acknowledgement-policy",
            new { texts = new[] { Thanks, "Vielen Dank, wir leiten das weiter." } }, created.GetProperty("version").GetInt32());
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return (created.GetProperty("id").GetGuid(), token);
    }

    private async Task<Guid> MentionAsync(Guid channel, string token, string text)
    {
        factory.Mastodon.AddMention(token, "hans@social.example", "Hans", $"<p>{text}</p>");
        await factory.ReadInboxAsync(channel, Ct);
        using var editor = await factory.CreateClientAsAsync("editor");
        var page = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/inbox?channelId={channel}&unanswered=true", Ct);
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("text").GetString() == text).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task AnApprovedAcknowledgement_GoesOutWithoutASecondPerson()
    {
        var (channel, token) = await ChannelWithPolicyAsync();
        var item = await MentionAsync(channel, token, "Die Laterne in der Bahnhofstraße ist kaputt.");
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);

        // White space differs; the words do not.
        var (status, post) = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/answer", new { text = "  Danke für Ihren Hinweis,  wir kümmern uns. " });

        Assert.True(status == HttpStatusCode.Created, post.ToString());
        Assert.NotEqual("InReview", post.GetProperty("status").GetString());
        await WaitUntilAsync(() => factory.Mastodon.StatusesOf(token).Any(s => s.Text == Thanks), "the acknowledgement goes out without a second person");

        var history = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/posts/{post.GetProperty("id").GetGuid()}/history", Ct);
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "auto-approved"
            && h.GetProperty("note").GetString()!.Contains("approved acknowledgement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyOtherAnswer_KeepsFourEyes()
    {
        var (channel, token) = await ChannelWithPolicyAsync();
        var item = await MentionAsync(channel, token, "Wann wird der Spielplatz geöffnet?");
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var text = "Danke für Ihren Hinweis, wir kümmern uns. Der Spielplatz öffnet am Montag.";

        var (status, post) = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/answer", new { text });

        Assert.True(status == HttpStatusCode.Created, post.ToString());
        Assert.Equal("InReview", post.GetProperty("status").GetString());
        await Task.Delay(500, Ct);
        Assert.DoesNotContain(factory.Mastodon.StatusesOf(token), s => s.Text == text);
    }

    [Fact]
    public async Task ThePolicy_IsSetByThePressOffice_AndItsTextsPassTheChecks()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var created = await CreateChannelAsync(admin, Channel("mastodon", $"Ack {Guid.NewGuid():N}", factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example"));
        var path = $"/api/v1/outreach/channels/{created.GetProperty("id").GetGuid()}/acknowledgement-policy";
        var version = created.GetProperty("version").GetInt32();
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");

        var byEditor = await SendAsync(editor, HttpMethod.Put, path, new { texts = new[] { Thanks } }, version);
        var personalData = await SendAsync(approver, HttpMethod.Put, path, new { texts = new[] { Thanks, "Rufen Sie an: 0171 2345678" } }, version);
        var blank = await SendAsync(approver, HttpMethod.Put, path, new { texts = new[] { Thanks, " " } }, version);

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, personalData.Status);
        Assert.Contains("personal-data", personalData.Body.ToString(), StringComparison.Ordinal);
        Assert.True(blank.Body.GetProperty("errors").TryGetProperty("texts[1]", out _), blank.Body.ToString());
        var channel = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/channels/{created.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(0, channel.GetProperty("acknowledgementTexts").GetArrayLength());
    }
}
