using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Egov.IntegrationTests.Outreach;

/// <summary>The Outreach API as the tests use it: channels, guideline acknowledgement, posts and transitions with If-Match.</summary>
internal static class OutreachApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static JsonObject Channel(string kind, string name, string? address = null, string? account = null, bool enabled = true, bool crisis = false, bool imprint = false)
    {
        var credentials = kind switch
        {
            "mastodon" => new JsonObject { ["accessToken"] = "mastodon-token-SECRET-0123456789" },
            "telegram" => new JsonObject { ["botToken"] = "123456:telegram-SECRET" },
            "bluesky" => new JsonObject { ["identifier"] = "stadt.bsky.social", ["appPassword"] = "abcd-efgh-ijkl-mnop" },
            "webhook" => new JsonObject { ["secret"] = "webhook-secret-0123456789abcdef-0123456789" },
            _ => null,
        };
        return new JsonObject
        {
            ["kind"] = kind,
            ["name"] = name,
            ["enabled"] = enabled,
            ["crisisCapable"] = crisis,
            ["owningUnit"] = "Pressestelle",
            ["address"] = address,
            ["account"] = account,
            ["credentials"] = credentials,
            ["dataProtection"] = new JsonObject { ["assessmentDone"] = true, ["assessedOn"] = "2026-10-01", ["jointControllershipNote"] = "Vereinbarung nach Art. 26 DSGVO, Az. 10-2026" },
            ["requiresImprintLink"] = imprint,
        };
    }

    public static async Task<JsonElement> CreateChannelAsync(HttpClient admin, JsonObject channel)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/outreach/channels", channel, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create channel: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static async Task AcknowledgeAsync(HttpClient client)
    {
        var current = await client.GetFromJsonAsync<JsonElement>("/api/v1/outreach/guidelines/current", Ct);
        using var response = await client.PostAsync($"/api/v1/outreach/guidelines/{current.GetProperty("version").GetInt32()}/acknowledge", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static JsonObject Post(string title, bool crisis, params (Guid ChannelId, string Text)[] variants) => new()
    {
        ["title"] = title,
        ["crisis"] = crisis,
        ["variants"] = new JsonArray([.. variants.Select(v => (JsonNode)new JsonObject { ["channelId"] = v.ChannelId, ["text"] = v.Text, ["language"] = "de" })]),
    };

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    /// <summary>A transition (submit, approve, …) on the post's current version.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> TransitionAsync(HttpClient client, JsonElement post, string verb, object? body = null) =>
        await SendAsync(client, HttpMethod.Post, $"/api/v1/outreach/posts/{post.GetProperty("id").GetGuid()}/{verb}", body, post.GetProperty("version").GetInt32());

    public static async Task<JsonElement> CreatePostAsync(HttpClient editor, JsonObject post)
    {
        var (status, body) = await SendAsync(editor, HttpMethod.Post, "/api/v1/outreach/posts", post);
        Assert.True(status == HttpStatusCode.Created, $"create post: {(int)status} {body}");
        return body;
    }

    /// <summary>A 1 × 1 pixel PNG.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>Uploads an image to a post (multipart part <c>file</c> named <paramref name="fileName"/>); asserts 201 and returns the stored media.</summary>
    public static async Task<JsonElement> UploadImageAsync(HttpClient editor, JsonElement post, string fileName, byte[] content)
    {
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        using var response = await editor.PostAsync($"/api/v1/outreach/posts/{post.GetProperty("id").GetGuid()}/media", upload, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload image: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>Waits up to 30 s for <paramref name="done"/> (the delivery engine works in the background); fails naming <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within 30 s");
            await Task.Delay(100, Ct);
        }
    }

    /// <inheritdoc cref="WaitUntilAsync(Func{Task{bool}}, string)"/>
    public static Task WaitUntilAsync(Func<bool> done, string what) => WaitUntilAsync(() => Task.FromResult(done()), what);

    public static async Task<JsonElement> GetPostAsync(HttpClient client, JsonElement post) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/posts/{post.GetProperty("id").GetGuid()}", Ct);
}
