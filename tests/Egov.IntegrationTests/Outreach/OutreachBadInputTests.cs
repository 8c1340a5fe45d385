using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach;

/// <summary>
/// The Outreach API under bad input and races: every wrong request is answered with an RFC 9457
/// problem that names the JSON field (400 with <c>errors</c>) or with the fitting 4xx — never a 500 —
/// and nothing stored changes.
/// </summary>
public sealed class OutreachBadInputTests(OutreachFactory factory) : IClassFixture<OutreachFactory>
{
    private const string Channels = "/api/v1/outreach/channels";
    private const string Posts = "/api/v1/outreach/posts";

    /// <summary>The smallest PNG signature the upload recognises, with a few bytes after it.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // ---------------------------------------------------------------- channels

    public static TheoryData<string, string?, string> BadChannelBodies => new()
    {
        { "no body", "", "body" },
        { "null", "null", "body" },
        { "array", "[]", "body" },
        { "enabled as string", """{"enabled": "yes"}""", "enabled" },
        { "dataProtection as number", """{"dataProtection": 5}""", "dataProtection" },
        { "credentials as array", """{"credentials": ["a"]}""", "credentials" },
        { "unknown crossPostPolicy", """{"crossPostPolicy": "Sometimes"}""", "crossPostPolicy" },
        { "numeric crossPostPolicy", """{"crossPostPolicy": "1"}""", "crossPostPolicy" },
        { "assessedOn not a date", """{"dataProtection": {"assessmentDone": true, "assessedOn": "gestern"}}""", "dataProtection.assessedOn" },
        { "10,000-character name", $$"""{"name": "{{new string('n', 10_000)}}"}""", "name" },
        { "address with userinfo", """{"address": "https://user:secret@partner.example/hooks"}""", "address" },
        { "address with fragment", """{"address": "https://partner.example/hooks#top"}""", "address" },
    };

    [Theory]
    [MemberData(nameof(BadChannelBodies))]
    public async Task CreateChannel_WithBadBody_Is400NamingTheField_AndStoresNothing(string defect, string? patch, string field)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var before = await ChannelCountAsync(admin);
        var json = patch switch
        {
            "" or "null" or "[]" => patch,
            _ => Merge(Channel("webhook", $"Webhook {defect}", "https://partner.example/hooks/egov"), patch!),
        };

        var (status, body) = await RawAsync(admin, HttpMethod.Post, Channels, json);

        AssertField(status, body, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await ChannelCountAsync(admin));
    }

    [Fact]
    public async Task CreateChannel_WithoutContentType_Is415()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var content = new StringContent(Channel("webhook", "Webhook text", "https://partner.example/hooks/egov").ToJsonString(), Encoding.UTF8, "text/plain");

        using var response = await admin.PostAsync(Channels, content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UpdateChannel_ChangingTheKind_Is400NamingKind_AndKeepsTheChannel()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = await CreateChannelAsync(admin, Channel("webhook", "Webhook kind change", "https://partner.example/hooks/egov"));
        var id = channel.GetProperty("id").GetGuid();

        var (status, body) = await SendAsync(admin, HttpMethod.Put, $"{Channels}/{id}",
            Channel("telegram", "Webhook kind change", "@stadt_info"), channel.GetProperty("version").GetInt32());

        AssertField(status, body, HttpStatusCode.BadRequest, "kind");
        var stored = await admin.GetFromJsonAsync<JsonElement>($"{Channels}/{id}", Ct);
        Assert.Equal("webhook", stored.GetProperty("kind").GetString());
        Assert.Equal(channel.GetProperty("version").GetInt32(), stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UpdateChannel_WithIfMatchStar_Is428_AndChangesNothing()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = await CreateChannelAsync(admin, Channel("webhook", "Webhook star", "https://partner.example/hooks/egov"));
        var id = channel.GetProperty("id").GetGuid();

        var (status, body) = await RawAsync(admin, HttpMethod.Put, $"{Channels}/{id}",
            Channel("webhook", "Webhook star renamed", "https://partner.example/hooks/egov").ToJsonString(), ifMatch: "*");

        Assert.Equal((HttpStatusCode)428, status);
        Assert.Equal(428, body.GetProperty("status").GetInt32());
        var stored = await admin.GetFromJsonAsync<JsonElement>($"{Channels}/{id}", Ct);
        Assert.Equal("Webhook star", stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetChannel_Unknown_Is404Problem()
    {
        using var admin = await factory.CreateClientAsAsync("admin");

        var (status, body) = await RawAsync(admin, HttpMethod.Get, $"{Channels}/{Guid.NewGuid()}", null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    // ---------------------------------------------------------------- posts

    public static TheoryData<string, string> BadPostBodies => new()
    {
        { "no body", "body" },
        { "null", "body" },
        { "variants null", "variants" },
        { "variants [null]", "variants[0]" },
        { "variant without channelId", "variants[0].channelId" },
        { "variant channelId not a uuid", "variants[0].channelId" },
        { "duplicate channel", "variants" },
        { "21 variants", "variants" },
        { "20,001-character text", "variants[0].text" },
        { "language de_DE", "variants[0].language" },
        { "language x", "variants[0].language" },
        { "javascript link", "variants[0].link" },
        { "hashtag with spaces", "variants[0].hashtags[0]" },
        { "mediaId null", "variants[0].media[0].mediaId" },
        { "unknown channel", "variants[0].channelId" },
    };

    [Theory]
    [MemberData(nameof(BadPostBodies))]
    public async Task CreatePost_WithBadBody_Is400NamingTheField_AndStoresNothing(string defect, string field)
    {
        var (status, body) = await PostBadDraftAsync(Posts, defect);

        AssertField(status, body, HttpStatusCode.BadRequest, field);
        using var editor = await factory.CreateClientAsAsync("editor");
        var titles = (await editor.GetFromJsonAsync<JsonElement>($"{Posts}?limit=100", Ct)).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("title").GetString());
        Assert.DoesNotContain($"Bad {defect}", titles);
    }

    [Theory]
    [MemberData(nameof(BadPostBodies))]
    public async Task CheckDraft_WithBadBody_Is400NamingTheField(string defect, string field)
    {
        var (status, body) = await PostBadDraftAsync($"{Posts}/check", defect);

        AssertField(status, body, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task UpdatePost_NamingAnImageOfAnotherPost_Is400NamingTheMediaId_AndKeepsThePost()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var channel = await WebhookChannelAsync();
        var mine = await CreatePostAsync(editor, Post("Mein Beitrag", false, (channel, "Text A")));
        var other = await CreatePostAsync(editor, Post("Fremder Beitrag", false, (channel, "Text B")));
        var (uploaded, image) = await UploadAsync(editor, other.GetProperty("id").GetGuid(), Png, "karte.png", "image/png");
        Assert.Equal(HttpStatusCode.Created, uploaded);
        var edit = Post("Mein Beitrag", false, (channel, "Text A mit Bild"));
        edit["variants"]![0]!["media"] = new JsonArray(new JsonObject { ["mediaId"] = image.GetProperty("id").GetGuid(), ["altText"] = "Karte" });

        var (status, body) = await SendAsync(editor, HttpMethod.Put, $"{Posts}/{mine.GetProperty("id")}", edit, mine.GetProperty("version").GetInt32());

        AssertField(status, body, HttpStatusCode.BadRequest, "variants[0].media[0].mediaId");
        var stored = await GetPostAsync(editor, mine);
        Assert.Equal(mine.GetProperty("version").GetInt32(), stored.GetProperty("version").GetInt32());
        Assert.Equal("Text A", stored.GetProperty("variants")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("status=Bogus", "status")]
    [InlineData("status=7", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=!!!", "cursor")]
    [InlineData("cursor=bnVsbA", "cursor")]
    [InlineData("cursor=WzFd", "cursor")]
    [InlineData("breakGlass=maybe", "breakGlass")]
    public async Task ListPosts_WithBadQuery_Is400NamingTheParameter(string query, string field)
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, body) = await RawAsync(editor, HttpMethod.Get, $"{Posts}?{query}", null);

        AssertField(status, body, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"publishAt": "2020-01-01T08:00"}""", "publishAt")]
    [InlineData("""{"publishAt": "2026-03-29T02:30"}""", "publishAt")]
    [InlineData("""{"publishAt": "2026-10-25T02:30"}""", "publishAt")]
    [InlineData("""{"publishAt": "not a time"}""", "publishAt")]
    [InlineData("""{"publishAt": "2026-10-25T02:30+05:00"}""", "publishAt")]
    [InlineData("""{"publishAt": 5}""", "publishAt")]
    [InlineData("[]", "body")]
    public async Task Schedule_WithABadTime_Is400NamingPublishAt_AndThePostStaysApproved(string json, string field)
    {
        var (post, _, approver) = await ApprovedPostAsync("Schedule bad time");

        var (status, body) = await RawAsync(approver, HttpMethod.Post, $"{Posts}/{post.GetProperty("id")}/schedule", json, ifMatch: $"\"{post.GetProperty("version").GetInt32()}\"");

        AssertField(status, body, HttpStatusCode.BadRequest, field);
        var stored = await GetPostAsync(approver, post);
        Assert.Equal("Approved", stored.GetProperty("status").GetString());
        Assert.Equal(post.GetProperty("version").GetInt32(), stored.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"reason": "   "}""")]
    [InlineData("""{"reason": null}""")]
    [InlineData("")]
    [InlineData("null")]
    public async Task Reject_WithoutReason_Is400NamingReason_AndThePostStaysInReview(string json)
    {
        var (post, _) = await SubmittedPostAsync("Reject without reason");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(approver);

        var (status, body) = await RawAsync(approver, HttpMethod.Post, $"{Posts}/{post.GetProperty("id")}/reject", json, ifMatch: $"\"{post.GetProperty("version").GetInt32()}\"");

        AssertField(status, body, HttpStatusCode.BadRequest, "reason");
        Assert.Equal("InReview", (await GetPostAsync(approver, post)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("text", 400)]
    [InlineData("empty", 400)]
    [InlineData("10 MB + 1", 400)]
    [InlineData("other part name", 400)]
    [InlineData("no multipart", 415)]
    public async Task UploadMedia_WithBadFile_IsRefused_AndStoresNothing(string defect, int expected)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var post = await CreatePostAsync(editor, Post($"Upload {defect}", false, (await WebhookChannelAsync(), "Text")));
        var id = post.GetProperty("id").GetGuid();

        var (status, body) = defect switch
        {
            "text" => await UploadAsync(editor, id, "Hallo, ich bin kein Bild."u8.ToArray(), "bild.png", "image/png"),
            "empty" => await UploadAsync(editor, id, [], "leer.png", "image/png"),
            "10 MB + 1" => await UploadAsync(editor, id, [.. Png, .. new byte[(10 * 1024 * 1024) + 1 - Png.Length]], "gross.png", "image/png"),
            "other part name" => await UploadAsync(editor, id, Png, "karte.png", "image/png", part: "image"),
            _ => await RawAsync(editor, HttpMethod.Post, $"{Posts}/{id}/media", "{}"),
        };

        Assert.Equal((HttpStatusCode)expected, status);
        Assert.Equal(expected, body.GetProperty("status").GetInt32());
        if (expected == 400)
        {
            AssertField(status, body, HttpStatusCode.BadRequest, "file");
        }

        var history = await editor.GetFromJsonAsync<JsonElement>($"{Posts}/{id}/history", Ct);
        Assert.Equal(["created"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
    }

    [Theory]
    [InlineData("stale", 412)]
    [InlineData("\"abc\"", 412)]
    [InlineData("abc", 412)]
    [InlineData("W/\"1\"", 412)]
    [InlineData("\"-1\"", 412)]
    [InlineData("\"99999999999\"", 412)]
    [InlineData("*", 428)]
    [InlineData(null, 428)]
    public async Task Submit_WithABadIfMatch_IsRefused_AndThePostStaysADraft(string? ifMatch, int expected)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var channel = await WebhookChannelAsync();
        var post = await CreatePostAsync(editor, Post("If-Match", false, (channel, "Text")));
        var edited = await SendAsync(editor, HttpMethod.Put, $"{Posts}/{post.GetProperty("id")}", Post("If-Match", false, (channel, "Text 2")), post.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var tag = ifMatch == "stale" ? $"\"{post.GetProperty("version").GetInt32()}\"" : ifMatch;

        var (status, body) = await RawAsync(editor, HttpMethod.Post, $"{Posts}/{post.GetProperty("id")}/submit", null, ifMatch: tag);

        Assert.Equal((HttpStatusCode)expected, status);
        Assert.Equal(expected, body.GetProperty("status").GetInt32());
        Assert.Equal("Draft", (await GetPostAsync(editor, post)).GetProperty("status").GetString());
    }

    // ---------------------------------------------------------------- deliveries

    [Theory]
    [InlineData("retry", null)]
    [InlineData("confirm", null)]
    [InlineData("confirm", """{"url": "https://social.example/@stadt/1"}""")]
    [InlineData("cancel", null)]
    public async Task Delivery_Unknown_Is404(string verb, string? json)
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, body) = await RawAsync(editor, HttpMethod.Post, $"/api/v1/outreach/deliveries/{Guid.NewGuid()}/{verb}", json);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("""{"url": "ftp://x"}""", "url")]
    [InlineData("""{"url": "javascript:alert(1)"}""", "url")]
    [InlineData("""{"url": 5}""", "url")]
    [InlineData("[]", "body")]
    public async Task ConfirmDelivery_WithABadUrl_Is400NamingUrl(string json, string field)
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, body) = await RawAsync(editor, HttpMethod.Post, $"/api/v1/outreach/deliveries/{Guid.NewGuid()}/confirm", json);

        AssertField(status, body, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("status=Nope", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=!!!", "cursor")]
    [InlineData("postId=abc", "postId")]
    public async Task ListDeliveries_WithBadQuery_Is400NamingTheParameter(string query, string field)
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, body) = await RawAsync(editor, HttpMethod.Get, $"/api/v1/outreach/deliveries?{query}", null);

        AssertField(status, body, HttpStatusCode.BadRequest, field);
    }

    // ---------------------------------------------------------------- guidelines

    [Theory]
    [InlineData("""{"title": "", "body": "## Regeln"}""", "title")]
    [InlineData("""{"title": "Leitlinien", "body": ""}""", "body")]
    [InlineData("""{"title": "Leitlinien", "body": "   "}""", "body")]
    [InlineData("""{"title": "Leitlinien"}""", "body")]
    [InlineData("""{"title": 5, "body": "## Regeln"}""", "title")]
    public async Task PublishGuideline_WithoutTitleOrBody_Is400NamingTheField_AndTheVersionInForceStays(string json, string field)
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/outreach/guidelines/current", Ct)).GetProperty("version").GetInt32();

        var (status, body) = await RawAsync(admin, HttpMethod.Post, "/api/v1/outreach/guidelines", json);

        AssertField(status, body, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/outreach/guidelines/current", Ct)).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("999")]
    [InlineData("99999999999")]
    public async Task Acknowledge_AVersionThatDoesNotExist_Is404(string version)
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        var (status, body) = await RawAsync(editor, HttpMethod.Post, $"/api/v1/outreach/guidelines/{version}/acknowledge", null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    // ---------------------------------------------------------------- concurrency

    [Fact]
    public async Task TwoApproversApprovingAtOnce_WithTheSameETag_OneWins_AndTheHistoryHasOneApproval()
    {
        var (post, _) = await SubmittedPostAsync("Race to approve");
        using var first = factory.CreateClientWithRoles("kc-race-approver-1", "Anna Erste", "Approver");
        using var second = factory.CreateClientWithRoles("kc-race-approver-2", "Bernd Zweiter", "Approver");
        await AcknowledgeAsync(first);
        await AcknowledgeAsync(second);

        var results = await Task.WhenAll(TransitionAsync(first, post, "approve"), TransitionAsync(second, post, "approve"));

        var statuses = results.Select(r => r.Status).Order().ToList();
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(statuses[1], new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict });

        var history = await first.GetFromJsonAsync<JsonElement>($"{Posts}/{post.GetProperty("id")}/history", Ct);
        Assert.Equal(["created", "submitted", "approved"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var stored = await GetPostAsync(first, post);
        Assert.Equal("Approved", stored.GetProperty("status").GetString());
        Assert.Equal(post.GetProperty("version").GetInt32() + 1, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task TheSameEditorAcknowledgingTwiceAtOnce_BothSucceed_AndOneRowIsKept()
    {
        using var editor = factory.CreateClientWithRoles("kc-double-click", "Doris Doppelklick", "Editor");
        using var admin = await factory.CreateClientAsAsync("admin");
        var version = (await editor.GetFromJsonAsync<JsonElement>("/api/v1/outreach/guidelines/current", Ct)).GetProperty("version").GetInt32();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            RawAsync(editor, HttpMethod.Post, $"/api/v1/outreach/guidelines/{version}/acknowledge", null)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(results.Select(r => r.Body.GetProperty("acknowledgedAt").GetDateTimeOffset()).Distinct());
        var rows = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/guidelines/{version}/acknowledgements", Ct);
        Assert.Single(rows.EnumerateArray(), r => r.GetProperty("subject").GetString() == "kc-double-click");
    }

    // ---------------------------------------------------------------- helpers

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostBadDraftAsync(string path, string defect)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var channel = await WebhookChannelAsync();
        var post = Post($"Bad {defect}", false, (channel, "Die Bahnhofstraße ist gesperrt."));
        JsonNode variant = post["variants"]![0]!;
        string? json = null;
        switch (defect)
        {
            case "no body": json = ""; break;
            case "null": json = "null"; break;
            case "variants null": post["variants"] = null; break;
            case "variants [null]": post["variants"] = new JsonArray((JsonNode?)null); break;
            case "variant without channelId": variant.AsObject().Remove("channelId"); break;
            case "variant channelId not a uuid": variant["channelId"] = "kanal-1"; break;
            case "duplicate channel": post["variants"]!.AsArray().Add(variant.DeepClone()); break;
            case "21 variants":
                post["variants"] = new JsonArray([.. Enumerable.Range(0, 21).Select(i => (JsonNode)new JsonObject { ["channelId"] = Guid.NewGuid(), ["text"] = $"Text {i}" })]);
                break;
            case "20,001-character text": variant["text"] = new string('a', 20_001); break;
            case "language de_DE": variant["language"] = "de_DE"; break;
            case "language x": variant["language"] = "x"; break;
            case "javascript link": variant["link"] = "javascript:alert(1)"; break;
            case "hashtag with spaces": variant["hashtags"] = new JsonArray("Bahnhof straße"); break;
            case "mediaId null": variant["media"] = new JsonArray(new JsonObject { ["mediaId"] = null, ["altText"] = "Karte" }); break;
            case "unknown channel": variant["channelId"] = Guid.NewGuid(); break;
            default: throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }

        return await RawAsync(editor, HttpMethod.Post, path, json ?? post.ToJsonString());
    }

    private async Task<(JsonElement Post, HttpClient Editor)> SubmittedPostAsync(string title)
    {
        var editor = await factory.CreateClientAsAsync("editor");
        await AcknowledgeAsync(editor);
        var post = await CreatePostAsync(editor, Post(title, false, (await WebhookChannelAsync(), "Der Wochenmarkt zieht auf den Rathausplatz.")));
        var submitted = await TransitionAsync(editor, post, "submit");
        Assert.True(submitted.Status == HttpStatusCode.OK, submitted.Body.ToString());
        return (submitted.Body, editor);
    }

    private async Task<(JsonElement Post, HttpClient Editor, HttpClient Approver)> ApprovedPostAsync(string title)
    {
        var (post, editor) = await SubmittedPostAsync(title);
        var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(approver);
        var approved = await TransitionAsync(approver, post, "approve");
        Assert.True(approved.Status == HttpStatusCode.OK, approved.Body.ToString());
        return (approved.Body, editor, approver);
    }

    private async Task<Guid> WebhookChannelAsync()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var channel = await CreateChannelAsync(admin, Channel("webhook", $"Webhook {Guid.NewGuid():N}", "https://partner.example/hooks/egov"));
        return channel.GetProperty("id").GetGuid();
    }

    private static async Task<int> ChannelCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(Channels, Ct)).GetArrayLength();

    private static string Merge(JsonObject target, string patch)
    {
        foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject())
        {
            target[key] = value?.DeepClone();
        }

        return target.ToJsonString();
    }

    /// <summary>Sends <paramref name="json"/> as it is (null: no body, no content type; "": an empty JSON body).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> RawAsync(HttpClient client, HttpMethod method, string path, string? json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request, Ct);
        return await ReadAsync(response);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(HttpClient client, Guid postId, byte[] content, string fileName, string contentType, string part = "file")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, part, fileName);
        using var response = await client.PostAsync($"{Posts}/{postId}/media", form, Ct);
        return await ReadAsync(response);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        if ((int)response.StatusCode >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)response.StatusCode}: {text}");
        }

        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    private static void AssertField(HttpStatusCode status, JsonElement body, HttpStatusCode expected, string field)
    {
        Assert.True(status == expected, $"expected {(int)expected}, got {(int)status}: {body}");
        Assert.True(body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"expected errors.{field}: {body}");
    }
}
