using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Outreach.Social;
using UglyToad.PdfPig;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Operations;

/// <summary>
/// The channel review for the council: per channel posts, failure rate, inbox volume and response time, and the age of the
/// data-protection assessment — as JSON and as a PDF set by the receipts' typesetter, read back with PdfPig.
/// </summary>
public sealed class ChannelReviewTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheReviewPdf_ShowsEachChannelsFigures()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var token = "review-" + Guid.NewGuid().ToString("N");
        var name = $"Rückblick {Guid.NewGuid():N}"[..24];
        var body = Channel("mastodon", name, factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example");
        body["credentials"] = new JsonObject { ["accessToken"] = token };
        var channel = (await CreateChannelAsync(admin, body)).GetProperty("id").GetGuid();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);

        // One post goes out, one is refused by the instance, one citizen is answered.
        await PublishAsync(editor, approver, channel, "Der Wochenmarkt beginnt um 8 Uhr.", expectSent: true);
        factory.Mastodon.AnswerOnce(422, "Validation failed: Text is not allowed");
        await PublishAsync(editor, approver, channel, "Dieser Text wird abgelehnt.", expectSent: false);
        factory.Mastodon.AddMention(token, "lea@social.example", "Lea", "<p>Gibt es Parkplätze?</p>");
        await factory.ReadInboxAsync(channel, Ct);
        var item = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/inbox?channelId={channel}", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var answer = (await SendAsync(editor, HttpMethod.Post, $"/api/v1/outreach/inbox/{item}/answer", new { text = "Ja, am Rathaus." })).Body;
        answer = (await TransitionAsync(approver, answer, "approve")).Body;
        Assert.Equal(HttpStatusCode.OK, (await TransitionAsync(editor, answer, "schedule", new { })).Status);
        await WaitUntilAsync(() => factory.Mastodon.StatusesOf(token).Any(s => s.Text == "Ja, am Rathaus."), "the answer is delivered");
        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        var query = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var json = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/channels/report?{query}", Ct)).GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channelId").GetGuid() == channel);
        using var response = await editor.GetAsync($"/api/v1/outreach/channels/report.pdf?{query}", Ct);

        Assert.Equal((3, 2, 1, 1, 1), (json.GetProperty("posts").GetInt32(), json.GetProperty("sent").GetInt32(), json.GetProperty("failed").GetInt32(), json.GetProperty("inboxItems").GetInt32(), json.GetProperty("inboxAnswered").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        var assessmentAge = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime).DayNumber - new DateOnly(2026, 10, 1).DayNumber;
        Assert.Contains("Kanalbericht für den Rat", text, StringComparison.Ordinal);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("3 (gesendet 2, fehlgeschlagen 1, ungewiss 0)", text, StringComparison.Ordinal);
        Assert.Contains("33,3 %", text, StringComparison.Ordinal);
        Assert.Contains("1 Einträge, davon 1 beantwortet", text, StringComparison.Ordinal);
        Assert.Contains($"vom 01.10.2026, {assessmentAge.ToString("N0", CultureInfo.GetCultureInfo("de-DE"))} Tage alt", text, StringComparison.Ordinal);
        Assert.Contains("von der Plattform nicht geliefert", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReviewPdf_WithAPeriodEndingBeforeItStarts_Answers400NamingFrom()
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, problem) = await SendAsync(editor, HttpMethod.Get, "/api/v1/outreach/channels/report.pdf?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _), problem.ToString());
    }

    private static async Task PublishAsync(HttpClient editor, HttpClient approver, Guid channel, string text, bool expectSent)
    {
        var post = await CreatePostAsync(editor, Post("Rückblick", false, (channel, text)));
        post = (await TransitionAsync(editor, post, "submit")).Body;
        post = (await TransitionAsync(approver, post, "approve")).Body;
        Assert.Equal(HttpStatusCode.OK, (await TransitionAsync(editor, post, "schedule", new { })).Status);
        await WaitUntilAsync(async () => (await GetPostAsync(editor, post)).GetProperty("status").GetString() is "Published" or "Failed", "the post's deliveries end");
        Assert.Equal(expectSent, (await GetPostAsync(editor, post)).GetProperty("status").GetString() == "Published");
    }
}
