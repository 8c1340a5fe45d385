using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// LinkedIn's Posts API on 127.0.0.1: <c>POST /rest/posts</c> (201 with the URN in <c>x-restli-id</c>) and
/// <c>GET /rest/posts?q=author&amp;author=…</c>, with the documented request shape — <c>LinkedIn-Version</c> and
/// <c>X-Restli-Protocol-Version: 2.0.0</c> headers, <c>author</c>, <c>commentary</c> (≤ 3,000), <c>visibility</c>,
/// <c>distribution</c>, <c>lifecycleState</c> required — and error shape <c>{"status", "code", "message"}</c> (422 for a
/// missing field, 401 for <see cref="ExpiredToken"/>). Faults hit the next create.
/// </summary>
public sealed class FakeLinkedIn : FakePlatformServer
{
    /// <summary>A token the fake answers with 401.</summary>
    public const string ExpiredToken = "li-expired";

    private readonly ConcurrentDictionary<string, FakeLinkedInPost> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Status, bool Store, TimeSpan? Delay, string Message)> _faults = new();
    private long _nextId = 7_300_000_000_000_000_000;

    /// <summary>Every post created, in order.</summary>
    public IReadOnlyList<FakeLinkedInPost> Posts => [.. _posts.Values.OrderBy(post => post.CreatedAt)];

    /// <summary>The posts of one author URN.</summary>
    public IReadOnlyList<FakeLinkedInPost> PostsOf(string author) => [.. Posts.Where(post => post.Author == author)];

    /// <summary>The next create is stored, then answered <paramref name="statusCode"/> (the answer is lost).</summary>
    public void StoreThenAnswerOnce(int statusCode) => _faults.Enqueue((statusCode, true, null, "Internal Server Error"));

    /// <summary>The next create is stored and answered only after <paramref name="delay"/>.</summary>
    public void StoreThenDelayOnce(TimeSpan delay) => _faults.Enqueue((201, true, delay, ""));

    /// <summary>The next create is refused with <paramref name="statusCode"/> and <paramref name="message"/>; nothing stored.</summary>
    public void RefuseOnce(int statusCode, string message) => _faults.Enqueue((statusCode, false, null, message));

    protected override void Map(WebApplication app)
    {
        app.MapPost("/rest/posts", CreateAsync);
        app.MapGet("/rest/posts", (HttpRequest request) =>
        {
            if (Refuse(request) is { } refused)
            {
                return refused;
            }

            var author = request.Query["author"].ToString();
            var posts = _posts.Values.Where(p => p.Author == author).OrderByDescending(p => p.CreatedAt).Take(int.TryParse(request.Query["count"], CultureInfo.InvariantCulture, out var count) ? count : 10);
            return Results.Json(new { elements = posts.Select(p => new { id = p.Urn, author = p.Author, commentary = p.Commentary, createdAt = p.CreatedAt.ToUnixTimeMilliseconds(), lifecycleState = "PUBLISHED" }) });
        });
    }

    private async Task<IResult> CreateAsync(HttpRequest request, HttpResponse response)
    {
        if (Refuse(request) is { } refused)
        {
            return refused;
        }

        using var document = await JsonDocument.ParseAsync(request.Body);
        var post = document.RootElement;
        foreach (var field in (string[])["author", "commentary", "visibility", "distribution", "lifecycleState"])
        {
            if (!post.TryGetProperty(field, out _))
            {
                return Error(422, "UNPROCESSABLE_ENTITY", $"ERROR :: /{field} :: field is required but not found and has no default value");
            }
        }

        var commentary = post.GetProperty("commentary").GetString() ?? "";
        if (commentary.Length > 3000)
        {
            return Error(422, "UNPROCESSABLE_ENTITY", $"ERROR :: /commentary :: length of {commentary.Length} exceeds the maximum allowed 3000");
        }

        _faults.TryDequeue(out var fault);
        if (fault is { Store: false, Status: > 0 })
        {
            return Error(fault.Status, fault.Status == 401 ? "REVOKED_ACCESS_TOKEN" : "ERROR", fault.Message);
        }

        var urn = "urn:li:share:" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var article = post.TryGetProperty("content", out var content) && content.TryGetProperty("article", out var a) ? a.GetProperty("source").GetString() : null;
        _posts[urn] = new FakeLinkedInPost(urn, post.GetProperty("author").GetString()!, commentary, article, DateTimeOffset.UtcNow);
        if (fault.Delay is { } delay)
        {
            await Task.Delay(delay);
        }
        else if (fault.Status >= 400)
        {
            return Error(fault.Status, "INTERNAL_SERVER_ERROR", fault.Message);
        }

        response.Headers["x-restli-id"] = urn;
        return Results.StatusCode(201);
    }

    private static IResult? Refuse(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var authorization && (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization[7..] == ExpiredToken)
            ? Error(401, "REVOKED_ACCESS_TOKEN", "The token used in the request has been revoked by the user")
            : request.Headers["X-Restli-Protocol-Version"] != "2.0.0" || string.IsNullOrEmpty(request.Headers["LinkedIn-Version"])
                ? Error(400, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header.")
                : null;

    private static IResult Error(int status, string code, string message) => Results.Json(new { status, code, message }, statusCode: status);
}

/// <summary>A post the fake LinkedIn stored.</summary>
public sealed record FakeLinkedInPost(string Urn, string Author, string Commentary, string? ArticleSource, DateTimeOffset CreatedAt);
