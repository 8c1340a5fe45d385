using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Handoff.Contracts;

namespace Egov.IntegrationTests.Handoff;

/// <summary>
/// The pull target (ADR 0023): a service account (client credentials) reads its feed in order with a
/// cursor, pages, acknowledges, downloads receipts and attachments with the same token, and sees nothing
/// of other forms' targets; nobody else sees its feed.
/// </summary>
public sealed class HandoffPullTests(HandoffFactory factory) : IClassFixture<HandoffFactory>
{
    private const string Feed = "/api/v1/handoff/feeds/parken";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Feed_PagesInOrder_Acknowledges_AndServesDocuments_OfItsOwnFormOnly()
    {
        using var service = await ServiceClientAsync();
        var start = (await PageAsync(service, $"{Feed}/events?after=0&limit=100")).GetProperty("next").GetInt64(); // behind other tests' events
        using var erika = await factory.CreateClientAsAsync("erika");
        var parking = new List<(Guid Id, string Reference)>();
        for (var i = 0; i < 3; i++)
        {
            parking.Add(await Filing.FileAsync(erika, "bewohnerparkausweis"));
        }

        var (tradeId, tradeReference) = await Filing.FileAsync(erika, "gewerbeanmeldung-gewa1");
        var (_, dogReference) = await Filing.FileAsync(erika, "hundesteuer-anmeldung");

        // Hand-off is asynchronous (after commit, through the outbox): wait for all three.
        await HandoffPushTests.WaitForAsync(async () => await PageAsync(service, $"{Feed}/events?after={start}&limit=100"), p => p.GetProperty("items").GetArrayLength() == 3);

        var first = await PageAsync(service, $"{Feed}/events?after={start}&limit=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var second = await PageAsync(service, $"{Feed}/events?limit=2&after={first.GetProperty("next").GetInt64()}");
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.False(second.GetProperty("hasMore").GetBoolean());

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        var positions = items.Select(i => i.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(parking.Select(p => p.Reference).Order(), items.Select(i => i.GetProperty("event").GetProperty("subject").GetString()).Order());
        Assert.DoesNotContain(items, i => i.GetProperty("event").GetProperty("subject").GetString() is var s && (s == tradeReference || s == dogReference));
        var cloudEvent = items[0].GetProperty("event");
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(HandoffEventTypes.ApplicationSubmitted, cloudEvent.GetProperty("type").GetString());

        // Acknowledge the first page: a read without a cursor starts behind it; acknowledging is idempotent and never moves back.
        Assert.Equal(HttpStatusCode.OK, (await service.PostAsJsonAsync($"{Feed}/acknowledgements", new { position = first.GetProperty("next").GetInt64() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.PostAsJsonAsync($"{Feed}/acknowledgements", new { position = positions[0] }, Ct)).StatusCode);
        var rest = await PageAsync(service, $"{Feed}/events");
        Assert.Equal(first.GetProperty("next").GetInt64(), rest.GetProperty("acknowledged").GetInt64());
        Assert.Equal([items[2].GetProperty("event").GetProperty("subject").GetString()], rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("event").GetProperty("subject").GetString()));
        var unknown = await service.PostAsJsonAsync($"{Feed}/acknowledgements", new { position = positions[^1] + 1000 }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var invalid = await service.PostAsJsonAsync($"{Feed}/acknowledgements", new { position = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("position", out _));

        // Every document of an event downloads with the same token and matches its hash.
        var documents = cloudEvent.GetProperty("data").GetProperty("documents").EnumerateArray().ToList();
        Assert.Contains(documents, d => d.GetProperty("kind").GetString() == "receipt");
        foreach (var document in documents)
        {
            var response = await service.GetAsync(new Uri(document.GetProperty("href").GetString()!).PathAndQuery, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(document.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync(Ct))));
        }

        // The trade registration's receipt is not this feed's.
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync($"{Feed}/cases/{tradeId}/documents/{tradeId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task StatusChange_OfAHandedOffCase_FollowsInTheFeed()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await Filing.FileAsync(erika, "bewohnerparkausweis");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        await Filing.TransitionAsync(caseworker, id, "InReview");
        using var service = await ServiceClientAsync();

        var page = await HandoffPushTests.WaitForAsync(
            async () => await PageAsync(service, $"{Feed}/events?after=0&limit=100"),
            p => p.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("event").GetProperty("subject").GetString() == reference) == 2);
        var types = page.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("event").GetProperty("subject").GetString() == reference)
            .Select(i => (i.GetProperty("event").GetProperty("type").GetString(), i.GetProperty("event").GetProperty("data").GetProperty("status").GetString()));
        Assert.Equal([(HandoffEventTypes.ApplicationSubmitted, "Submitted"), (HandoffEventTypes.ApplicationStatusChanged, "InReview")], types);
    }

    [Fact]
    public async Task DecisionNotice_IsADocumentOfTheCase_WithItsFacts_AndDownloadsFromTheFeed()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await Filing.FileAsync(erika, "bewohnerparkausweis");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        await Filing.TransitionAsync(caseworker, id, "InReview");
        var (_, etag) = await Filing.GetCaseAsync(caseworker, id);
        var issued = await Filing.PostAsync(caseworker, $"/api/v1/cases/{id}/decision", new { kind = "rejection", text = "Der Wohnsitz liegt außerhalb der Parkzone." }, etag);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var notice = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("decisionNotices")[0];
        using var service = await ServiceClientAsync();

        var page = await HandoffPushTests.WaitForAsync(
            async () => await PageAsync(service, $"{Feed}/events?after=0&limit=100"),
            p => p.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("event").GetProperty("subject").GetString() == reference
                && i.GetProperty("event").GetProperty("data").GetProperty("status").GetString() == "Rejected"));
        var rejected = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("event"))
            .Single(e => e.GetProperty("subject").GetString() == reference && e.GetProperty("data").GetProperty("status").GetString() == "Rejected");

        var document = Assert.Single(rejected.GetProperty("data").GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "decision-notice");
        Assert.Equal(notice.GetProperty("id").GetGuid(), document.GetProperty("id").GetGuid());
        Assert.Equal(notice.GetProperty("sha256").GetString(), document.GetProperty("sha256").GetString());
        Assert.Equal(notice.GetProperty("sizeBytes").GetInt64(), document.GetProperty("sizeBytes").GetInt64());
        Assert.Equal($"Bescheid-{reference}.pdf", document.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", document.GetProperty("mediaType").GetString());
        var facts = document.GetProperty("decisionNotice");
        Assert.Equal(1, facts.GetProperty("number").GetInt32());
        Assert.Equal("rejection", facts.GetProperty("kind").GetString());
        Assert.Equal(notice.GetProperty("title").GetString(), facts.GetProperty("title").GetString());
        Assert.Equal(notice.GetProperty("issuedAt").GetDateTimeOffset(), facts.GetProperty("issuedAt").GetDateTimeOffset());

        var pdf = await service.GetAsync(new Uri(document.GetProperty("href").GetString()!).PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(notice.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await pdf.Content.ReadAsByteArrayAsync(Ct))));
    }

    [Fact]
    public async Task FeedRead_AndDocumentDownload_ByTheServiceAccount_AreInTheCaseAccessLog()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await Filing.FileAsync(erika, "bewohnerparkausweis");
        using var service = await ServiceClientAsync();
        var page = await HandoffPushTests.WaitForAsync(
            async () => await PageAsync(service, $"{Feed}/events?after=0&limit=100"),
            p => p.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("event").GetProperty("subject").GetString() == reference));
        var attachment = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("event"))
            .First(e => e.GetProperty("subject").GetString() == reference)
            .GetProperty("data").GetProperty("documents").EnumerateArray().First(d => d.GetProperty("kind").GetString() == "attachment");
        Assert.Equal(HttpStatusCode.OK, (await service.GetAsync(new Uri(attachment.GetProperty("href").GetString()!).PathAndQuery, Ct)).StatusCode);

        using var admin = await factory.CreateClientAsAsync("admin");
        var log = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cases/access-log?caseId={id}&actor=egov-service&limit=100", Ct))
            .GetProperty("items").EnumerateArray().ToList();
        var download = Assert.Single(log, e => e.GetProperty("resource").GetString() == $"attachment:{attachment.GetProperty("id").GetGuid()}");
        Assert.Equal("egov-service", download.GetProperty("actorSubject").GetString());
        Assert.Contains("parken", download.GetProperty("actorName").GetString(), StringComparison.Ordinal);
        Assert.Contains(log, e => e.GetProperty("resource").GetString() == "handoff-feed:parken");
    }

    [Theory]
    [InlineData("erika")]
    [InlineData("caseworker")]
    [InlineData("admin")]
    public async Task Feed_IsInvisible_ToCitizensAndStaff(string user)
    {
        using var client = await factory.CreateClientAsAsync(user);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Feed}/events", Ct)).StatusCode);
    }

    [Fact]
    public async Task Feed_OfAnotherTarget_IsInvisible_ToTheServiceAccount_AndAnonymousCallersAreRefused()
    {
        using var service = await ServiceClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync("/api/v1/handoff/feeds/gewerbe-pull/events", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync("/api/v1/handoff/feeds/steueramt/events", Ct)).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Feed}/events", Ct)).StatusCode);
    }

    private async Task<HttpClient> ServiceClientAsync()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Tokens.ClientCredentialsAsync(client)).AccessToken);
        return client;
    }

    private static async Task<JsonElement> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
