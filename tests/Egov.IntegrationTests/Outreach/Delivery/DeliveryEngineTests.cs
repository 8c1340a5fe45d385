using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Announcements;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Delivery;

/// <summary>
/// The delivery engine end to end: approved posts through the real API, the engine running in the
/// host, fake platforms on 127.0.0.1 that record every request.
/// </summary>
public sealed class DeliveryEngineTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScheduledNow_ReachesEveryChannelOnce_AndThePostIsPublished()
    {
        var mastodon = await ChannelAsync("mastodon");
        var telegram = await ChannelAsync("telegram");
        var bluesky = await ChannelAsync("bluesky");
        var webhook = await ChannelAsync("webhook");
        var text = "Der Wochenmarkt zieht um: ab Samstag auf dem Rathausplatz. Café & Kuchen <inklusive> 🎉";

        var post = await PublishAsync(text, mastodon, telegram, bluesky, webhook);

        var final = await WaitForPostAsync(post, "Published");
        Assert.Equal("Published", final.GetProperty("status").GetString());
        var statuses = factory.Mastodon.Statuses.Where(s => s.Text == text).ToList();
        Assert.Single(statuses);
        Assert.Equal("de", statuses[0].Language);
        Assert.Single(factory.Telegram.Messages, m => m.Text == text);
        Assert.Single(factory.Bluesky.Records, r => r.Value.GetProperty("text").GetString() == text);
        Assert.Single(factory.Webhook.Deliveries, d => d.Payload.GetProperty("text").GetString() == text);
        var deliveries = await DeliveriesAsync(post);
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal("Sent", d.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(d.GetProperty("platformId").GetString()));
            Assert.Equal(1, d.GetProperty("attempts").GetInt32());
        });
        var mastodonDelivery = deliveries.Single(d => d.GetProperty("channelKind").GetString() == "mastodon");
        Assert.Equal(statuses[0].Url, mastodonDelivery.GetProperty("url").GetString());
    }

    [Fact]
    public async Task MastodonStoresThenAnswers504_TheRetryCarriesTheSameKey_AndThereIsExactlyOnePost()
    {
        var mastodon = await ChannelAsync("mastodon");
        var text = $"Ambiguous {Guid.NewGuid():N}";
        factory.Mastodon.StoreThenAnswerOnce(504);

        var post = await PublishAsync(text, mastodon);

        await WaitForPostAsync(post, "Published");
        Assert.Single(factory.Mastodon.Statuses, s => s.Text == text);
        var attempts = factory.Mastodon.RequestsTo("/api/v1/statuses").Where(r => r.Method == "POST" && r.BodyText.Contains(text[^32..], StringComparison.Ordinal)).ToList();
        Assert.True(attempts.Count >= 2, $"{attempts.Count} requests");
        Assert.Single(attempts.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task MastodonAnswers500ToTheRepeatedKey_TheDeliveryIsReconciledAsSent_WithExactlyOneStatus()
    {
        var mastodon = await ChannelAsync("mastodon");
        var text = $"Repeat answered 500 {Guid.NewGuid():N}";
        factory.Mastodon.StoreThenAnswerOnce(504);
        factory.Mastodon.AnswerRepeatsWith = 500;
        try
        {
            var post = await PublishAsync(text, mastodon);

            await WaitForPostAsync(post, "Published");
            var status = Assert.Single(factory.Mastodon.Statuses, s => s.Text == text);
            var delivery = (await DeliveriesAsync(post)).Single();
            Assert.Equal(("Sent", status.Id, status.Url), (delivery.GetProperty("status").GetString(), delivery.GetProperty("platformId").GetString(), delivery.GetProperty("url").GetString()));
        }
        finally
        {
            factory.Mastodon.AnswerRepeatsWith = null;
        }
    }

    [Fact]
    public async Task MastodonAnswers500ToTheRepeatedKey_AndTheAccountCannotBeRead_TheDeliveryEndsUncertainNotFailed()
    {
        var mastodon = await ChannelAsync("mastodon");
        var text = $"Repeat answered 500, no lookup {Guid.NewGuid():N}";
        factory.Mastodon.StoreThenAnswerOnce(504);
        factory.Mastodon.AnswerRepeatsWith = 500;
        factory.Mastodon.AnswerAccountLookupsWith = 503;
        try
        {
            var post = await PublishAsync(text, mastodon);

            // The delivery row appears once the outbox has handed the approved post on: wait for it too.
            await WaitUntilAsync(async () => await DeliveriesAsync(post) is [var only] && only.GetProperty("status").GetString() is "Uncertain" or "Failed" or "Sent");
            var delivery = (await DeliveriesAsync(post)).Single();
            Assert.Equal("Uncertain", delivery.GetProperty("status").GetString());
            Assert.Contains("may have been published", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Single(factory.Mastodon.Statuses, s => s.Text == text);
        }
        finally
        {
            factory.Mastodon.AnswerRepeatsWith = null;
            factory.Mastodon.AnswerAccountLookupsWith = null;
        }
    }

    [Fact]
    public async Task Mastodon422_FailsAfterOneAttempt_WithThePlatformsMessage()
    {
        var mastodon = await ChannelAsync("mastodon");
        var text = $"Refused {Guid.NewGuid():N}";
        factory.Mastodon.AnswerOnce(422, "Validation failed: Text character limit of 500 exceeded");

        var post = await PublishAsync(text, mastodon);

        var final = await WaitForPostAsync(post, "Failed");
        var delivery = (await DeliveriesAsync(post)).Single();
        Assert.Equal("Failed", delivery.GetProperty("status").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Contains("Text character limit of 500 exceeded", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(422, delivery.GetProperty("lastHttpStatus").GetInt32());
        Assert.Equal("Failed", final.GetProperty("status").GetString());

        using var editor = await factory.CreateClientAsAsync("editor");
        var retried = await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/deliveries/{delivery.GetProperty("id").GetGuid()}/retry");
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        await WaitForPostAsync(post, "Published");
        Assert.Single(factory.Mastodon.Statuses, s => s.Text == text);
    }

    [Fact]
    public async Task WorkerDiesAfterSendingBeforeRecording_TheNextWorkerDoesNotPostTwice()
    {
        var mastodon = await ChannelAsync("mastodon");
        var text = $"Crash {Guid.NewGuid():N}";
        var post = await PublishAsync(text, mastodon);
        await WaitForPostAsync(post, "Published");
        var sent = (await DeliveriesAsync(post)).Single();
        var deliveryId = sent.GetProperty("id").GetGuid();

        // As if the worker had sent and then died: the row still says Sending under a lease that ran out.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE outreach.deliveries SET status = 'Sending', lock_owner = 'dead-worker', locked_until = now() - interval '1 second',
                    platform_id = NULL, url = NULL, sent_at = NULL WHERE id = {deliveryId}
                """, Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE outreach.posts SET status = 'Publishing' WHERE id = {post.GetProperty("id").GetGuid()}", Ct);
        }

        await WaitUntilAsync(async () => await DeliveriesAsync(post) is [var only] && only.GetProperty("status").GetString() == "Sent");

        var again = (await DeliveriesAsync(post)).Single();
        Assert.Equal(sent.GetProperty("platformId").GetString(), again.GetProperty("platformId").GetString());
        Assert.Equal(2, again.GetProperty("attempts").GetInt32());
        Assert.Single(factory.Mastodon.Statuses, s => s.Text == text);
        Assert.Equal(2, factory.Mastodon.RequestsTo("/api/v1/statuses").Count(r => r.Method == "POST" && r.BodyText.Contains(text[^32..], StringComparison.Ordinal)));
        await WaitForPostAsync(post, "Published");
    }

    [Fact]
    public async Task TwoHostInstances_OnOneDatabase_DeliverEachDeliveryExactlyOnce()
    {
        await using var second = new SecondHost(factory);
        await second.InitializeAsync();
        _ = second.Services; // starts its delivery engine
        var webhook = await ChannelAsync("webhook");
        var mastodon = await ChannelAsync("mastodon");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var posts = new List<JsonElement>();
        for (var i = 0; i < 12; i++)
        {
            posts.Add(await PublishAsync($"Zwei Hosts {tag} #{i}", webhook, mastodon));
        }

        foreach (var post in posts)
        {
            await WaitForPostAsync(post, "Published");
        }

        var webhookIds = factory.Webhook.Requests.Where(r => r.BodyText.Contains(tag, StringComparison.Ordinal)).Select(r => r.Header("Egov-Delivery-Id")).ToList();
        Assert.Equal(12, webhookIds.Count);
        Assert.Equal(12, webhookIds.Distinct().Count());
        var mastodonKeys = factory.Mastodon.RequestsTo("/api/v1/statuses").Where(r => r.Method == "POST" && r.BodyText.Contains(tag, StringComparison.Ordinal)).Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal(12, mastodonKeys.Count);
        Assert.Equal(12, mastodonKeys.Distinct().Count());
    }

    [Fact]
    public async Task ChannelReport_CountsSentAndFailed_AndShowsTheEngagementReadFromMastodon()
    {
        var mastodon = await ChannelAsync("mastodon");
        var text = $"Report {Guid.NewGuid():N}";
        var post = await PublishAsync(text, mastodon);
        await WaitForPostAsync(post, "Published");
        var status = factory.Mastodon.Statuses.Single(s => s.Text == text);
        factory.Mastodon.SetEngagement(status.Id, favourites: 12, boosts: 5, replies: 2);

        await factory.Services.GetRequiredService<EngagementReader>().RunOnceAsync(Ct);

        using var editor = await factory.CreateClientAsAsync("editor");
        var report = await editor.GetFromJsonAsync<JsonElement>("/api/v1/outreach/channels/report", Ct);
        var row = report.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channelId").GetGuid() == mastodon);
        Assert.Equal(1, row.GetProperty("sent").GetInt32());
        Assert.Equal(0.0, row.GetProperty("failureRate").GetDouble());
        Assert.Equal(12, row.GetProperty("favourites").GetInt32());
        Assert.Equal(5, row.GetProperty("boosts").GetInt32());
        Assert.Equal(2, row.GetProperty("replies").GetInt32());
    }

    [Fact]
    public async Task PublishedNews_IsCrossPosted_AutoApprovedWhereTheChannelAllows_InReviewElsewhere()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var auto = Channel("webhook", $"Auto {Guid.NewGuid():N}", factory.Webhook.BaseAddress + "hooks/auto");
        auto["credentials"] = new JsonObject { ["secret"] = factory.Webhook.Secret };
        auto["crossPostPolicy"] = "AutoApprove";
        await CreateChannelAsync(admin, auto);
        var review = Channel("webhook", $"Review {Guid.NewGuid():N}", factory.Webhook.BaseAddress + "hooks/review");
        review["credentials"] = new JsonObject { ["secret"] = factory.Webhook.Secret };
        review["crossPostPolicy"] = "Review";
        var reviewId = (await CreateChannelAsync(admin, review)).GetProperty("id").GetGuid();
        using var editor = await factory.CreateClientAsAsync("editor");
        var title = $"Neue Öffnungszeiten {Guid.NewGuid():N}"[..40];
        var (id, etag) = await AnnouncementWorkflowTests.CreateAsync(editor, new
        {
            kind = "News",
            categories = new[] { "town-hall" },
            variants = new[] { new { language = "de", title, summary = "Das Bürgerbüro öffnet ab Januar montags schon um 7 Uhr.", body = "Mehr Zeit für Ihre Anliegen." } },
        });
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/announcements/{id}/publish") { Content = JsonContent.Create(new { }) };
        publish.Headers.TryAddWithoutValidation("If-Match", etag);
        using var published = await editor.SendAsync(publish, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        await WaitUntilAsync(() => Task.FromResult(factory.Webhook.Deliveries.Any(d => d.Path.EndsWith("/hooks/auto", StringComparison.Ordinal) && d.Payload.GetProperty("text").GetString()!.Contains(title, StringComparison.Ordinal))));
        var delivered = factory.Webhook.Deliveries.Single(d => d.Path.EndsWith("/hooks/auto", StringComparison.Ordinal) && d.Payload.GetProperty("text").GetString()!.Contains(title, StringComparison.Ordinal));
        Assert.Contains("Das Bürgerbüro öffnet", delivered.Payload.GetProperty("text").GetString(), StringComparison.Ordinal);
        var inReview = await editor.GetFromJsonAsync<JsonElement>("/api/v1/outreach/posts?status=InReview", Ct);
        var waiting = inReview.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("title").GetString() == title);
        var detail = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/posts/{waiting.GetProperty("id")}", Ct);
        Assert.Equal(reviewId, detail.GetProperty("variants")[0].GetProperty("channelId").GetGuid());
        Assert.DoesNotContain(factory.Webhook.Deliveries, d => d.Path.EndsWith("/hooks/review", StringComparison.Ordinal) && d.Payload.GetProperty("text").GetString()!.Contains(title, StringComparison.Ordinal));
    }

    private async Task<Guid> ChannelAsync(string kind, bool crisis = false)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var name = $"{kind} {Guid.NewGuid():N}";
        var channel = kind switch
        {
            "mastodon" => Channel(kind, name, factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example", crisis: crisis),
            "telegram" => Channel(kind, name, "@stadt_info", crisis: crisis),
            "bluesky" => Channel(kind, name, factory.Bluesky.BaseAddress.ToString(), "stadt.bsky.social", crisis: crisis),
            _ => Channel(kind, name, factory.Webhook.BaseAddress + "hooks/egov", crisis: crisis),
        };
        if (kind == "webhook")
        {
            channel["credentials"] = new JsonObject { ["secret"] = factory.Webhook.Secret };
        }

        return (await CreateChannelAsync(admin, channel)).GetProperty("id").GetGuid();
    }

    /// <summary>Drafts, submits, approves and schedules a post for now, through the API.</summary>
    private async Task<JsonElement> PublishAsync(string text, params Guid[] channels)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var post = await CreatePostAsync(editor, Post(text[..Math.Min(text.Length, 60)], false, [.. channels.Select(c => (c, text))]));
        var submitted = await TransitionAsync(editor, post, "submit");
        Assert.True(submitted.Status == HttpStatusCode.OK, submitted.Body.ToString());
        var approved = await TransitionAsync(approver, submitted.Body, "approve");
        Assert.True(approved.Status == HttpStatusCode.OK, approved.Body.ToString());
        var scheduled = await TransitionAsync(editor, approved.Body, "schedule", new { });
        Assert.True(scheduled.Status == HttpStatusCode.OK, scheduled.Body.ToString());
        return scheduled.Body;
    }

    private async Task<Guid> IssueAlertAsync(HttpClient crisis, object alert)
    {
        var (id, etag) = await AnnouncementWorkflowTests.CreateAsync(crisis, alert);
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/announcements/{id}/publish") { Content = JsonContent.Create(new { }) };
        publish.Headers.TryAddWithoutValidation("If-Match", etag);
        using var published = await crisis.SendAsync(publish, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    private async Task<List<JsonElement>> DeliveriesAsync(JsonElement post)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var page = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/deliveries?postId={post.GetProperty("id").GetGuid()}", Ct);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task<JsonElement> WaitForPostAsync(JsonElement post, string status)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        JsonElement current = default;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((current = await GetPostAsync(editor, post)).GetProperty("status").GetString() != status)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The post is {current.GetProperty("status")}, not {status}, after 30 s; deliveries: {string.Join("; ", (await DeliveriesAsync(post)).Select(d => d.ToString()))}");
            }

            await Task.Delay(100, Ct);
        }

        return current;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(100, Ct);
        }
    }
}
