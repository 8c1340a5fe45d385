using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// Meta's Graph API (Facebook Pages, Instagram content publishing) and the Threads API on 127.0.0.1, with the
/// documented request and error shapes: Page posts <c>POST /{page-id}/feed</c> (<c>message</c>, <c>link</c>) and
/// <c>/photos</c> (multipart <c>source</c>, <c>message</c>), <c>GET /{page-id}/published_posts</c>; Instagram containers
/// <c>POST /{ig-user-id}/media</c> (<c>image_url</c> or a <c>CAROUSEL</c> of <c>children</c>, <c>caption</c> ≤ 2,200), their
/// <c>status_code</c>, <c>POST /{ig-user-id}/media_publish</c>, <c>GET /{ig-user-id}/media</c>; Threads containers
/// <c>POST /{user-id}/threads</c>, <c>status</c>, <c>threads_publish</c>, <c>GET /{user-id}/threads</c>; comments
/// <c>GET /{object-id}/comments</c>, and answers to them (<c>POST /{comment-id}/comments</c>, Instagram <c>/replies</c>). Errors are <c>{"error": {"message", "type", "code", "is_transient", "fbtrace_id"}}</c>.
/// A token is any Bearer value except <see cref="ExpiredToken"/> (answered with code 190). A container is published
/// at most once (a second <c>media_publish</c> of it is refused, as Instagram does). Faults hit the next publishing request.
/// </summary>
public sealed class FakeMeta : FakePlatformServer
{
    /// <summary>A token the fake answers with error 190 (expired).</summary>
    public const string ExpiredToken = "EAA-expired";

    private readonly ConcurrentDictionary<string, FakeMetaPost> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeMetaContainer> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<FakeMetaComment>> _comments = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentDictionary<string, string> _hidden = new(StringComparer.Ordinal);
    private long _nextId = 17_841_400_000_000_000;

    /// <summary>Every post published (Page posts, Instagram media, Threads posts), in order.</summary>
    public IReadOnlyList<FakeMetaPost> Posts => [.. _posts.Values.OrderBy(post => post.Sequence)];

    /// <summary>The posts of one Page or account.</summary>
    public IReadOnlyList<FakeMetaPost> PostsOf(string owner) => [.. Posts.Where(post => post.Owner == owner)];

    /// <summary>Every container created.</summary>
    public IReadOnlyList<FakeMetaContainer> Containers => [.. _containers.Values];

    /// <summary>The comments hidden (<c>POST /{comment-id}</c> with Facebook's <c>is_hidden=true</c> or Instagram's <c>hide=true</c>), with the parameter used.</summary>
    public IReadOnlyDictionary<string, string> HiddenComments => _hidden;

    /// <summary>The next publishing request is stored, then answered <paramref name="statusCode"/> with a transient Graph error (the answer is lost).</summary>
    public void StoreThenAnswerOnce(int statusCode) => _faults.Enqueue(new Fault(statusCode, Store: true, 2, "OAuthException", "An unexpected error has occurred. Please retry your request later.", null));

    /// <summary>The next publishing request is stored and answered only after <paramref name="delay"/> (the sender times out first).</summary>
    public void StoreThenDelayOnce(TimeSpan delay) => _faults.Enqueue(new Fault(200, Store: true, 0, "", "", delay));

    /// <summary>The next publishing request is refused with <paramref name="statusCode"/> and a Graph error; nothing stored.</summary>
    public void RefuseOnce(int statusCode, int code, string message, string type = "OAuthException") => _faults.Enqueue(new Fault(statusCode, Store: false, code, type, message, null));

    /// <summary>Adds a comment by a citizen under <paramref name="objectId"/> (a Page post or an Instagram media); returns its id.</summary>
    public string AddComment(string objectId, string authorName, string text, DateTimeOffset? at = null)
    {
        var id = objectId + "_" + NextId();
        _comments.GetOrAdd(objectId, _ => []).Add(new FakeMetaComment(id, objectId, authorName, text, at ?? DateTimeOffset.UtcNow));
        return id;
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/{id}/{edge}", PostEdgeAsync);
        app.MapPost("/{id}", UpdateNodeAsync);
        app.MapGet("/{id}/{edge}", (string id, string edge, HttpRequest request) => Authenticate(request) ?? GetEdge(id, edge, request));
        app.MapGet("/{id}", (string id, HttpRequest request) => Authenticate(request) ?? GetNode(id));
    }

    private async Task<IResult> PostEdgeAsync(string id, string edge, HttpRequest request)
    {
        if (Authenticate(request) is { } refused)
        {
            return refused;
        }

        var form = await request.ReadFormAsync();
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        switch (edge)
        {
            case "feed":
                return Field("message") is { Length: > 0 } message || Field("link") is not null
                    ? await PublishAsync(() => Store(id, "page", Field("message") ?? "", Field("link"), [], $"{id}_{NextId()}"), post => new { id = post.Id })
                    : Error(400, 100, "(#100) Invalid parameter: message or link is required");
            case "photos":
                if (form.Files["source"] is not { Length: > 0 } file)
                {
                    return Error(400, 324, "(#324) Requires upload file");
                }

                return await PublishAsync(() => Store(id, "page", Field("message") ?? "", null, [file.FileName], $"{id}_{NextId()}"), post => new { id = NextId(), post_id = post.Id });
            case "comments" or "replies":
                // The Page (or account) answering a comment: a comment on the comment.
                return Field("message") is { Length: > 0 } answer
                    ? await PublishAsync(() => Store(id, "comment", answer, null, [], AddComment(id, "Page", answer)), post => new { id = post.Id })
                    : Error(400, 100, "(#100) Missing message");
            case "media" or "threads":
                return CreateContainer(id, edge == "media" ? "instagram" : "threads", Field);
            case "media_publish" or "threads_publish":
                if (Field("creation_id") is not { } creation || !_containers.TryGetValue(creation, out var container) || container.Owner != id)
                {
                    return Error(400, 100, "(#100) Param creation_id must be a valid container id");
                }

                if (container.Status == "PUBLISHED")
                {
                    return Error(400, 9007, "(#9007) The media is not available for publishing: it was published already", "OAuthException");
                }

                return await PublishAsync(() =>
                {
                    container.Status = "PUBLISHED";
                    return Store(id, container.Platform, container.Text, container.Link, container.Images, NextId());
                }, post => new { id = post.Id });
            default:
                return Error(400, 100, $"(#100) Unknown edge {edge}");
        }
    }

    /// <summary>Updating a comment node: hiding it (Graph API Comment "Updating": <c>is_hidden</c>; IG Comment: <c>hide</c>), answered <c>{"success": true}</c>.</summary>
    private async Task<IResult> UpdateNodeAsync(string id, HttpRequest request)
    {
        if (Authenticate(request) is { } refused)
        {
            return refused;
        }

        var form = await request.ReadFormAsync();
        var parameter = form.ContainsKey("is_hidden") ? "is_hidden" : form.ContainsKey("hide") ? "hide" : null;
        if (!_comments.Values.Any(list => list.Any(c => c.Id == id)))
        {
            return Error(400, 100, $"(#100) Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation", "GraphMethodException");
        }

        if (parameter is null || form[parameter].ToString() != "true")
        {
            return Error(400, 100, "(#100) No field to update: is_hidden (Page comments) or hide (Instagram comments) is expected");
        }

        _hidden[id] = parameter;
        return Results.Json(new { success = true });
    }

    private IResult CreateContainer(string owner, string platform, Func<string, string?> field)
    {
        var text = field(platform == "instagram" ? "caption" : "text") ?? "";
        var type = field("media_type") ?? (platform == "instagram" ? "IMAGE" : "TEXT");
        if (platform == "instagram" && text.Length > 2200)
        {
            return Error(400, 100, "(#100) The caption is too long: at most 2200 characters");
        }

        if (platform == "threads" && ThreadsLength(text) > 500)
        {
            return Error(400, 100, "(#100) Param text must be at most 500 characters long.");
        }

        List<string> images;
        if (type == "CAROUSEL")
        {
            var children = (field("children") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (children.Length is < 2 or > 10 || children.Any(child => !_containers.ContainsKey(child)))
            {
                return Error(400, 100, "(#100) A carousel needs 2 to 10 valid children");
            }

            images = [.. children.SelectMany(child => _containers[child].Images)];
        }
        else if (type == "IMAGE")
        {
            if (field("image_url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                return Error(400, 9004, "(#9004) The media could not be fetched from this URI: image_url is required");
            }

            images = [url];
        }
        else if (platform == "threads" && type == "TEXT")
        {
            if (text.Length == 0)
            {
                return Error(400, 100, "(#100) Param text is required for TEXT posts");
            }

            images = [];
        }
        else
        {
            return Error(400, 100, $"(#100) Unsupported media_type {type}");
        }

        var container = new FakeMetaContainer(NextId(), owner, platform, text, field("link_attachment"), images, field("alt_text")) { Status = "FINISHED" };
        _containers[container.Id] = container;
        return Results.Json(new { id = container.Id });
    }

    private IResult GetEdge(string id, string edge, HttpRequest request)
    {
        if (edge == "comments")
        {
            var comments = _comments.GetValueOrDefault(id) ?? [];
            return Results.Json(new { data = comments.Select(c => new { id = c.Id, message = c.Text, text = c.Text, username = c.AuthorName, from = new { name = c.AuthorName, id = "user-" + c.AuthorName.GetHashCode(StringComparison.Ordinal) }, created_time = Graph(c.At), timestamp = Graph(c.At) }) });
        }

        var platform = edge switch { "published_posts" => "page", "media" => "instagram", "threads" => "threads", _ => null };
        if (platform is null)
        {
            return Error(400, 100, $"(#100) Unknown edge {edge}");
        }

        var since = long.TryParse(request.Query["since"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
        var posts = _posts.Values.Where(p => p.Owner == id && p.Platform == platform && p.CreatedAt >= since).OrderByDescending(p => p.Sequence).Take(25);
        return Results.Json(new { data = posts.Select(p => new { id = p.Id, message = p.Text, caption = p.Text, text = p.Text, created_time = Graph(p.CreatedAt), timestamp = Graph(p.CreatedAt), permalink = p.Permalink, permalink_url = p.Permalink }) });
    }

    private IResult GetNode(string id)
    {
        if (_containers.TryGetValue(id, out var container))
        {
            return Results.Json(new { id, status_code = container.Status, status = container.Status });
        }

        return _posts.TryGetValue(id, out var post)
            ? Results.Json(new { id, permalink = post.Permalink, like_count = 0, comments_count = _comments.GetValueOrDefault(id)?.Count ?? 0 })
            : Error(400, 100, $"(#100) Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation", "GraphMethodException");
    }

    private async Task<IResult> PublishAsync(Func<FakeMetaPost> store, Func<FakeMetaPost, object> answer)
    {
        _faults.TryDequeue(out var fault);
        if (fault is { Store: false })
        {
            return Error(fault.StatusCode, fault.Code, fault.Message, fault.Type);
        }

        var post = store();
        if (fault?.Delay is { } delay)
        {
            await Task.Delay(delay);
        }
        else if (fault is not null)
        {
            return Error(fault.StatusCode, fault.Code, fault.Message, fault.Type, transient: true);
        }

        return Results.Json(answer(post));
    }

    private FakeMetaPost Store(string owner, string platform, string text, string? link, IReadOnlyList<string> images, string id)
    {
        var post = new FakeMetaPost(id, owner, platform, text, link, images, DateTimeOffset.UtcNow, $"https://{platform}.example/p/{id}", _posts.Count);
        _posts[id] = post;
        return post;
    }

    private static IResult? Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length <= 7
            ? Error(400, 2500, "An active access token must be used to query information about the current user.")
            : authorization[7..] == ExpiredToken
                ? Error(400, 190, "Error validating access token: Session has expired on Sunday, 06-Dec-26 10:00:00 PST.")
                : null;
    }

    private static IResult Error(int statusCode, int code, string message, string type = "OAuthException", bool transient = false) =>
        Results.Json(new { error = new { message, type, code, is_transient = transient, fbtrace_id = "AbCdEf123" } }, statusCode: statusCode);

    private static string Graph(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    /// <summary>Threads' count: emoji by their UTF-8 bytes, any other character one (the Threads API's stated rule).</summary>
    private static int ThreadsLength(string text)
    {
        var count = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            count += element.EnumerateRunes().Any(rune => rune.Value >= 0x1F000 || rune.Value is >= 0x2600 and <= 0x27BF) ? Encoding.UTF8.GetByteCount(element) : 1;
        }

        return count;
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private sealed record Fault(int StatusCode, bool Store, int Code, string Type, string Message, TimeSpan? Delay);
}

/// <summary>A post the fake published.</summary>
/// <param name="Id">Its id (Page posts: <c>{page-id}_{post-id}</c>).</param>
/// <param name="Owner">The Page or account id.</param>
/// <param name="Platform"><c>page</c>, <c>instagram</c> or <c>threads</c>.</param>
/// <param name="Text">The message, caption or text.</param>
/// <param name="Link">The link (Page <c>link</c>, Threads <c>link_attachment</c>), or null.</param>
/// <param name="Images">Uploaded file names or fetched image URLs.</param>
/// <param name="CreatedAt">When it was published.</param>
/// <param name="Permalink">Its public URL.</param>
/// <param name="Sequence">Order of publication.</param>
public sealed record FakeMetaPost(string Id, string Owner, string Platform, string Text, string? Link, IReadOnlyList<string> Images, DateTimeOffset CreatedAt, string Permalink, int Sequence);

/// <summary>A media container.</summary>
public sealed record FakeMetaContainer(string Id, string Owner, string Platform, string Text, string? Link, IReadOnlyList<string> Images, string? AltText)
{
    /// <summary>FINISHED until published, then PUBLISHED.</summary>
    public string Status { get; set; } = "FINISHED";
}

/// <summary>A citizen's comment under a post.</summary>
public sealed record FakeMetaComment(string Id, string ObjectId, string AuthorName, string Text, DateTimeOffset At);
