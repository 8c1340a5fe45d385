using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach.Delivery;
using Egov.Modules.Outreach.Features.Inbox;
using Egov.Modules.Outreach.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Social;

/// <summary>
/// The two-way inbox end to end against a fake Mastodon instance: citizens' mentions read once however many host instances
/// read, filters and assignment, answers checked like posts and sent under four eyes as replies, and the retention.
/// </summary>
public sealed class InboxTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, string Token)> MastodonChannelAsync()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var token = "inbox-token-" + Guid.NewGuid().ToString("N");
        var channel = Channel("mastodon", $"Inbox {Guid.NewGuid():N}", factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example");
        channel["credentials"] = new System.Text.Json.Nodes.JsonObject { ["accessToken"] = token };
        return ((await CreateChannelAsync(admin, channel)).GetProperty("id").GetGuid(), token);
    }

    private async Task<List<JsonElement>> InboxAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/outreach/inbox?limit=100&" + query, Ct);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task TwoHostInstancesReadingAtOnce_ImportEachMentionOnce()
    {
        await using var second = new SecondHost(factory);
        await second.InitializeAsync();
        var (channel, token) = await MastodonChannelAsync();
        var ids = Enumerable.Range(1, 5).Select(i => factory.Mastodon.AddMention(token, $"buerger{i}@social.example", $"Bürger {i}", $"<p>Frage {i}: Wann ist der Wertstoffhof offen?</p>")).ToList();

        var firstReader = factory.Services.GetRequiredService<InboxReader>();
        var secondReader = second.Services.GetRequiredService<InboxReader>();
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => (Task[])[firstReader.RunOnceAsync(Ct), secondReader.RunOnceAsync(Ct)]));
        await ExpireCursorAsync(channel);
        await Task.WhenAll(firstReader.RunOnceAsync(Ct), secondReader.RunOnceAsync(Ct));

        using var editor = await factory.CreateClientAsAsync("editor");
        var items = await InboxAsync(editor, $"channelId={channel}");
        Assert.Equal(5, items.Count);
        Assert.Equal(ids.Order(), items.Select(i => ItemPlatformId(i, channel)).Order());
        Assert.Contains(items, i => i.GetProperty("text").GetString() == "Frage 3: Wann ist der Wertstoffhof offen?" && i.GetProperty("authorHandle").GetString() == "@buerger3@social.example");
    }

    [Fact]
    public async Task Inbox_FiltersByFlaggedAndAssignment()
    {
        var (channel, token) = await MastodonChannelAsync();
        factory.Mastodon.AddMention(token, "nett@social.example", "Nett", "<p>Danke für die Info!</p>");
        factory.Mastodon.AddMention(token, "wuetend@social.example", "Wütend", "<p>Unverschämt!</p>");
        await ReadAsync(channel);
        using var editor = await factory.CreateClientAsAsync("editor");
        var angry = (await InboxAsync(editor, $"channelId={channel}")).Single(i => i.GetProperty("text").GetString() == "Unverschämt!").GetProperty("id").GetGuid();

        var flagged = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{angry}/flag", new { flagged = true, reason = "beleidigend" });
        var assigned = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{angry}/assign", new { });
        var missingFlag = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{angry}/flag", new { });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (flagged.Status, assigned.Status));
        Assert.Equal(angry, Assert.Single(await InboxAsync(editor, $"channelId={channel}&flagged=true")).GetProperty("id").GetGuid());
        Assert.Equal(angry, Assert.Single(await InboxAsync(editor, $"channelId={channel}&assignedTo=me")).GetProperty("id").GetGuid());
        Assert.Equal(2, (await InboxAsync(editor, $"channelId={channel}&unanswered=true")).Count);
        Assert.Equal(HttpStatusCode.BadRequest, missingFlag.Status);
        Assert.True(missingFlag.Body.GetProperty("errors").TryGetProperty("flagged", out _));
    }

    [Fact]
    public async Task AnAnswer_NeedsASecondPerson_ThenGoesOutAsAReplyToTheCitizensStatus()
    {
        var (channel, token) = await MastodonChannelAsync();
        var citizenStatus = factory.Mastodon.AddMention(token, "anna@social.example", "Anna", "<p>Ist das Freibad heute offen?</p>", inReplyToId: "4711");
        await ReadAsync(channel);
        // Both hold Editor and Approver: the one who wrote the answer still cannot release it.
        using var editor = factory.CreateClientWithRoles("press-1-" + Guid.NewGuid().ToString("N"), "Eva Presse", "Editor", "Approver");
        using var approver = factory.CreateClientWithRoles("press-2-" + Guid.NewGuid().ToString("N"), "Paul Presse", "Editor", "Approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var item = Assert.Single(await InboxAsync(editor, $"channelId={channel}"));
        Assert.Equal("reply", item.GetProperty("kind").GetString());
        var text = $"Ja, bis 20 Uhr. {Guid.NewGuid():N}";

        var answered = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item.GetProperty("id").GetGuid()}/answer", new { text });
        Assert.True(answered.Status == HttpStatusCode.Created, answered.Body.ToString());
        Assert.Equal("InReview", answered.Body.GetProperty("status").GetString());
        var selfApproval = await TransitionAsync(editor, answered.Body, "approve");
        var again = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item.GetProperty("id").GetGuid()}/answer", new { text = "Noch eine Antwort" });

        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.DoesNotContain(factory.Mastodon.Statuses, s => s.Text == text);
        Assert.Empty(await InboxAsync(editor, $"channelId={channel}&unanswered=true"));

        var approved = await TransitionAsync(approver, answered.Body, "approve");
        Assert.True(approved.Status == HttpStatusCode.OK, approved.Body.ToString());
        var scheduled = await TransitionAsync(editor, approved.Body, "schedule", new { });
        Assert.True(scheduled.Status == HttpStatusCode.OK, scheduled.Body.ToString());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!factory.Mastodon.Statuses.Any(s => s.Text == text))
        {
            Assert.True(DateTime.UtcNow < deadline, "the answer was not delivered within 30 s");
            await Task.Delay(100, Ct);
        }

        var reply = Assert.Single(factory.Mastodon.Statuses, s => s.Text == text);
        Assert.Equal((citizenStatus, token), (reply.InReplyToId, reply.AccessToken));
    }

    [Fact]
    public async Task AnAnswerWithPersonalData_IsRefusedWithTheFinding_AndNothingIsStored()
    {
        var (channel, token) = await MastodonChannelAsync();
        factory.Mastodon.AddMention(token, "bert@social.example", "Bert", "<p>Wen kann ich anrufen?</p>");
        await ReadAsync(channel);
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var item = Assert.Single(await InboxAsync(editor, $"channelId={channel}"));
        var postsBefore = await CountPostsAsync();

        var refused = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item.GetProperty("id").GetGuid()}/answer", new { text = "Rufen Sie Frau Müller an: max.mueller@example.org" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("personal-data.email", refused.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(postsBefore, await CountPostsAsync());
        Assert.Single(await InboxAsync(editor, $"channelId={channel}&unanswered=true"));
    }

    [Fact]
    public async Task Retention_DeletesItemsReadLongerAgoThanConfigured_AndKeepsTheRest()
    {
        var (channel, token) = await MastodonChannelAsync();
        factory.Mastodon.AddMention(token, "alt@social.example", "Alt", "<p>Alte Frage</p>");
        factory.Mastodon.AddMention(token, "neu@social.example", "Neu", "<p>Neue Frage</p>");
        await ReadAsync(channel);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE outreach.inbox_items SET imported_at = now() - interval '91 days' WHERE channel_id = {channel} AND text = 'Alte Frage'", Ct);
        }

        await factory.Services.GetRequiredService<InboxRetention>().RunOnceAsync(Ct);

        using var editor = await factory.CreateClientAsAsync("editor");
        Assert.Equal("Neue Frage", Assert.Single(await InboxAsync(editor, $"channelId={channel}")).GetProperty("text").GetString());
    }

    private async Task ReadAsync(Guid channel)
    {
        await ExpireCursorAsync(channel);
        await factory.Services.GetRequiredService<InboxReader>().RunOnceAsync(Ct);
    }

    /// <summary>Makes the channel due now (its cursor may have been read moments ago by the background reader).</summary>
    private async Task ExpireCursorAsync(Guid channel)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        await db.Database.ExecuteSqlAsync($"UPDATE outreach.inbox_cursors SET due_at = now() - interval '1 minute', locked_until = NULL, lock_owner = NULL WHERE id = {channel}", Ct);
    }

    private async Task<int> CountPostsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutreachDbContext>().Posts.CountAsync(Ct);
    }

    private string ItemPlatformId(JsonElement item, Guid channel)
    {
        using var scope = factory.Services.CreateScope();
        var id = item.GetProperty("id").GetGuid();
        return scope.ServiceProvider.GetRequiredService<OutreachDbContext>().InboxItems.Where(i => i.Id == id && i.ChannelId == channel).Select(i => i.PlatformItemId).Single();
    }
}
