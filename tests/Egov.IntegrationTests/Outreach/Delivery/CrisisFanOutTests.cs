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
/// The crisis fan-out and the hold of other posts during an alert, end to end (a class of its own:
/// an active alert holds every non-crisis post of the database).
/// </summary>
public sealed class CrisisFanOutTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AlertIssued_FansOutToEveryCrisisChannelAtOnce_AndItsUpdateRepliesInTheThread()
    {
        await ChannelAsync("mastodon", crisis: true);
        await ChannelAsync("bluesky", crisis: true);
        await ChannelAsync("webhook");
        using var crisis = await factory.CreateClientAsAsync("crisis");
        var headline = $"Hochwasser an der Lenne {Guid.NewGuid():N}"[..40];

        var alertId = await IssueAlertAsync(crisis, AnnouncementWorkflowTests.StormAlert(headline));

        await WaitUntilAsync(() => Task.FromResult(factory.Mastodon.Statuses.Any(s => s.Text.Contains(headline, StringComparison.Ordinal))));
        await WaitUntilAsync(() => Task.FromResult(factory.Bluesky.Records.Any(r => r.Value.GetProperty("text").GetString()!.Contains(headline, StringComparison.Ordinal))));
        var first = factory.Mastodon.Statuses.Single(s => s.Text.Contains(headline, StringComparison.Ordinal));
        Assert.StartsWith("⚠️ Warnung:", first.Text, StringComparison.Ordinal);
        Assert.Contains("https://www.musterstadt.example/announcements/", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Webhook.Deliveries, d => d.Payload.GetProperty("text").GetString()!.Contains(headline, StringComparison.Ordinal));
        using var approver = await factory.CreateClientAsAsync("approver");
        var toReview = await approver.GetFromJsonAsync<JsonElement>("/api/v1/outreach/posts?breakGlass=true", Ct);
        Assert.Contains(toReview.GetProperty("items").EnumerateArray(), p => p.GetProperty("title").GetString()!.Contains(headline, StringComparison.Ordinal));

        await IssueAlertAsync(crisis, AnnouncementWorkflowTests.StormAlert(headline + " (verlängert)", "Update", alertId));

        await WaitUntilAsync(() => Task.FromResult(factory.Mastodon.Statuses.Any(s => s.Text.Contains("Aktualisierung", StringComparison.Ordinal) && s.Text.Contains(headline, StringComparison.Ordinal))));
        var reply = factory.Mastodon.Statuses.Single(s => s.Text.Contains("Aktualisierung", StringComparison.Ordinal) && s.Text.Contains(headline, StringComparison.Ordinal));
        Assert.Equal(first.Id, reply.InReplyToId);
        await WaitUntilAsync(() => Task.FromResult(factory.Bluesky.Records.Any(r => r.Value.TryGetProperty("reply", out _) && r.Value.GetProperty("text").GetString()!.Contains(headline, StringComparison.Ordinal))));

        // The all-clear, so that no alert holds the other tests' posts.
        var update = await LatestAlertAsync();
        await IssueAlertAsync(crisis, AnnouncementWorkflowTests.StormAlert("Entwarnung " + headline, "Cancel", update));
        await WaitUntilNoActiveAlertAsync();
    }

    [Fact]
    public async Task NonCrisisPost_DueDuringAnActiveAlert_WaitsAndGoesOutAfterTheAllClear()
    {
        var webhook = await ChannelAsync("webhook");
        using var crisis = await factory.CreateClientAsAsync("crisis");
        var alertId = await IssueAlertAsync(crisis, AnnouncementWorkflowTests.StormAlert($"Sturm {Guid.NewGuid():N}"[..30]));
        await WaitUntilAsync(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<OutreachDbContext>().ActiveAlerts.AnyAsync(a => a.AlertId == alertId, Ct);
        });
        var text = $"Adventsmarkt {Guid.NewGuid():N}";

        var post = await PublishAsync(text, webhook);
        await Task.Delay(1500, Ct);

        Assert.True((await GetPostAsync(await factory.CreateClientAsAsync("editor"), post)).GetProperty("heldByAlert").GetBoolean());
        Assert.DoesNotContain(factory.Webhook.Deliveries, d => d.Payload.GetProperty("text").GetString() == text);

        await IssueAlertAsync(crisis, AnnouncementWorkflowTests.StormAlert("Entwarnung", "Cancel", alertId));

        await WaitForPostAsync(post, "Published");
        Assert.Single(factory.Webhook.Deliveries, d => d.Payload.GetProperty("text").GetString() == text);
        await WaitUntilNoActiveAlertAsync();
    }

    private async Task<Guid> LatestAlertAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutreachDbContext>().ActiveAlerts.OrderByDescending(a => a.IssuedAt).Select(a => a.AlertId).FirstAsync(Ct);
    }

    private async Task WaitUntilNoActiveAlertAsync() =>
        await WaitUntilAsync(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return !await scope.ServiceProvider.GetRequiredService<OutreachDbContext>().ActiveAlerts.AnyAsync(Ct);
        });

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
