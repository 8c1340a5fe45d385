using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// A Mastodon instance on 127.0.0.1: <c>GET /api/v2/instance</c> (the documentation's instance document,
/// vendored in tests/testdata/mastodon, optionally with another <c>max_characters</c>), statuses
/// (<c>POST /api/v1/statuses</c> honouring <c>Idempotency-Key</c> per access token as Mastodon does, <c>GET</c>,
/// <c>DELETE /api/v1/statuses/:id</c>, <c>GET /api/v1/statuses/:id/source</c>), the account
/// (<c>GET /api/v1/accounts/verify_credentials</c>, its statuses newest first: <c>GET /api/v1/accounts/:id/statuses?limit=</c>)
/// and media (<c>POST /api/v2/media</c>, <c>GET /api/v1/media/:id</c> with
/// asynchronous processing). Any non-empty bearer token is an account; many channels can share one instance.
/// Faults are scripted per request to <c>POST /api/v1/statuses</c>, consumed in order.
/// </summary>
public sealed class FakeMastodon : FakePlatformServer
{
    /// <summary>The example from the Mastodon documentation: max_characters 500, characters_reserved_per_url 23, max_media_attachments 4.</summary>
    public static readonly string InstanceExample = File.ReadAllText(TestData("mastodon", "instance_v2_example_mastodon_social.json"));

    private readonly ConcurrentDictionary<string, FakeMastodonStatus> _statuses = new();
    private readonly ConcurrentDictionary<(string Token, string Key), string> _idempotencyKeys = new();
    private readonly ConcurrentDictionary<string, FakeMastodonMedia> _media = new();
    private readonly ConcurrentDictionary<string, int> _processingPollsLeft = new();
    private readonly ConcurrentQueue<Fault> _statusFaults = new();
    private readonly ConcurrentQueue<(string AccessToken, string NotificationId, object Notification)> _notifications = new();
    private readonly ConcurrentDictionary<string, object> _citizenStatuses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeMastodonReport> _reports = new();
    private long _nextId = 110_000_000_000_000_000;
    private int _reads;

    /// <summary>The document served; change it to make the instance change its limits.</summary>
    public string InstanceDocument { get; set; } = InstanceExample;

    /// <summary>Answer <c>GET /api/v2/instance</c> with 503 instead (an instance that is down).</summary>
    public bool Down { get; set; }

    /// <summary>How often <c>GET /api/v2/instance</c> was asked.</summary>
    public int InstanceReads => Volatile.Read(ref _reads);

    /// <summary>
    /// A repeated <c>POST /api/v1/statuses</c> (same token and <c>Idempotency-Key</c> as a stored status) is
    /// answered with this status code instead of the stored status; null (default) answers as Mastodon does.
    /// </summary>
    public int? AnswerRepeatsWith { get; set; }

    /// <summary>
    /// The account look-ups (<c>GET /api/v1/accounts/verify_credentials</c>, <c>…/accounts/:id/statuses</c>,
    /// <c>GET /api/v1/statuses/:id/source</c>) are answered with this status code; null (default) answers them.
    /// </summary>
    public int? AnswerAccountLookupsWith { get; set; }

    /// <summary>
    /// Uploads answer 202 and <c>GET /api/v1/media/:id</c> answers 206 this many times before 200; 0 (default):
    /// uploads answer 200, processed at once.
    /// </summary>
    public int MediaProcessingPolls { get; set; }

    /// <summary>The reports filed (<c>POST /api/v1/reports</c>), oldest first.</summary>
    public IReadOnlyList<FakeMastodonReport> Reports => [.. _reports];

    /// <summary>Every status stored (and not deleted), oldest first.</summary>
    public IReadOnlyList<FakeMastodonStatus> Statuses => [.. _statuses.Values.OrderBy(status => status.Id.Length).ThenBy(status => status.Id, StringComparer.Ordinal)];

    /// <summary>The statuses of one account (access token).</summary>
    public IReadOnlyList<FakeMastodonStatus> StatusesOf(string accessToken) => [.. Statuses.Where(status => status.AccessToken == accessToken)];

    /// <summary>Every uploaded image.</summary>
    public IReadOnlyList<FakeMastodonMedia> Media => [.. _media.Values.OrderBy(media => media.Id, StringComparer.Ordinal)];

    public static string WithMaxCharacters(int maxCharacters) =>
        InstanceExample.Replace("\"max_characters\": 500", $"\"max_characters\": {maxCharacters}", StringComparison.Ordinal);

    /// <summary>The next new status is stored, then answered with <paramref name="statusCode"/> (e.g. 504: the answer is lost).</summary>
    public void StoreThenAnswerOnce(int statusCode) => _statusFaults.Enqueue(new Fault(statusCode, Store: true, null, null));

    /// <summary>
    /// The next <c>POST /api/v1/statuses</c> is answered with <paramref name="statusCode"/> and nothing stored:
    /// <paramref name="error"/> as Mastodon's <c>{"error": …}</c> (422), <paramref name="retryAfter"/> as <c>Retry-After</c> seconds (429).
    /// </summary>
    public void AnswerOnce(int statusCode, string? error = null, TimeSpan? retryAfter = null) =>
        _statusFaults.Enqueue(new Fault(statusCode, Store: false, error, retryAfter));

    /// <summary>Sets the counts <c>GET /api/v1/statuses/:id</c> reports.</summary>
    public void SetEngagement(string statusId, int favourites, int boosts, int replies) =>
        _statuses[statusId] = _statuses[statusId] with { Favourites = favourites, Boosts = boosts, Replies = replies };

    /// <summary>
    /// A citizen <paramref name="acct"/> mentions the account of <paramref name="accessToken"/> (a reply when
    /// <paramref name="inReplyToId"/> is set): a status and a <c>mention</c> notification, as <c>GET /api/v1/notifications</c>
    /// lists them (https://docs.joinmastodon.org/entities/Notification/). Returns the status id.
    /// </summary>
    public string AddMention(string accessToken, string acct, string displayName, string htmlContent, string? inReplyToId = null)
    {
        var statusId = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var notificationId = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var account = new { id = "acc-" + acct, acct, display_name = displayName };
        var status = new { id = statusId, created_at = now, in_reply_to_id = inReplyToId, content = htmlContent, url = new Uri(BaseAddress, $"@{acct}/{statusId}").ToString(), account };
        _citizenStatuses[statusId] = status;
        _notifications.Enqueue((accessToken, notificationId, new
        {
            id = notificationId,
            type = "mention",
            created_at = now,
            account,
            status,
        }));
        return statusId;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/v1/notifications", (HttpRequest request) =>
        {
            if (Token(request) is not { } token)
            {
                return Unauthorized();
            }

            var sinceId = request.Query["since_id"].ToString();
            var types = request.Query["types[]"];
            return Results.Json(_notifications
                .Where(n => n.AccessToken == token && (sinceId.Length == 0 || n.NotificationId.Length > sinceId.Length || (n.NotificationId.Length == sinceId.Length && string.CompareOrdinal(n.NotificationId, sinceId) > 0)))
                .Where(_ => types.Count == 0 || types.Contains("mention"))
                .Reverse()
                .Take(40)
                .Select(n => n.Notification)
                .ToArray());
        });
        app.MapGet("/api/v2/instance", () =>
        {
            Interlocked.Increment(ref _reads);
            return Down ? Results.StatusCode(503) : Results.Text(InstanceDocument, "application/json");
        });
        app.MapPost("/api/v1/statuses", CreateStatusAsync);
        app.MapGet("/api/v1/statuses/{id}", (string id, HttpRequest request) =>
            Token(request) is null ? Unauthorized()
            : _statuses.TryGetValue(id, out var status) ? Results.Json(Json(status))
            : _citizenStatuses.TryGetValue(id, out var citizen) ? Results.Json(citizen) : NotFound());
        app.MapPost("/api/v1/reports", ReportAsync);
        app.MapDelete("/api/v1/statuses/{id}", (string id, HttpRequest request) =>
            Token(request) is not { } token ? Unauthorized()
            : _statuses.TryGetValue(id, out var status) && status.AccessToken == token && _statuses.TryRemove(id, out _) ? Results.Json(Json(status)) : NotFound());
        app.MapGet("/api/v1/statuses/{id}/source", (string id, HttpRequest request) =>
            AnswerAccountLookupsWith is { } down ? Error(down, "Something went wrong")
            : Token(request) is not { } token ? Unauthorized()
            : _statuses.TryGetValue(id, out var status) && status.AccessToken == token
                ? Results.Json(new { id = status.Id, text = status.Text, spoiler_text = status.SpoilerText ?? "" })
                : NotFound());
        app.MapGet("/api/v1/accounts/verify_credentials", (HttpRequest request) =>
            AnswerAccountLookupsWith is { } down ? Error(down, "Something went wrong")
            : Token(request) is not { } token ? Unauthorized()
            : Results.Json(new { id = AccountId(token), username = "stadt", acct = "stadt" }));
        app.MapGet("/api/v1/accounts/{id}/statuses", (string id, int? limit, HttpRequest request) =>
            AnswerAccountLookupsWith is { } down ? Error(down, "Something went wrong")
            : Token(request) is null ? Unauthorized()
            : Results.Json(Statuses.Where(status => AccountId(status.AccessToken) == id).Reverse().Take(Math.Clamp(limit ?? 20, 1, 40)).Select(Json).ToArray()));
        app.MapPost("/api/v2/media", UploadAsync);
        app.MapGet("/api/v1/media/{id}", (string id, HttpRequest request) =>
        {
            if (Token(request) is null)
            {
                return Unauthorized();
            }

            if (!_media.TryGetValue(id, out var media))
            {
                return NotFound();
            }

            var pollsLeft = _processingPollsLeft.GetValueOrDefault(id);
            if (pollsLeft > 0)
            {
                _processingPollsLeft[id] = pollsLeft - 1;
                return Results.Json(MediaJson(media, processed: false), statusCode: 206);
            }

            return Results.Json(MediaJson(media, processed: true));
        });
    }

    private async Task<IResult> CreateStatusAsync(HttpRequest request)
    {
        if (Token(request) is not { } token)
        {
            return Unauthorized();
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _idempotencyKeys.TryGetValue((token, key), out var storedId) && _statuses.TryGetValue(storedId, out var stored))
        {
            return AnswerRepeatsWith is { } repeat ? Error(repeat, "Something went wrong") : Results.Json(Json(stored));
        }

        _statusFaults.TryDequeue(out var fault);
        if (fault is { Store: false })
        {
            return Error(fault.StatusCode, fault.Error, fault.RetryAfter, request.HttpContext.Response);
        }

        var form = await ParametersAsync(request);
        var mediaIds = MediaIds(form);
        if (mediaIds.FirstOrDefault(id => !_media.ContainsKey(id)) is { } unknown)
        {
            return Error(422, $"Validation failed: media {unknown} not found");
        }

        if (mediaIds.Any(id => _processingPollsLeft.GetValueOrDefault(id) > 0))
        {
            return Error(422, "Cannot attach files that have not finished processing. Try again in a moment!");
        }

        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var status = new FakeMastodonStatus(
            id,
            token,
            key.Length > 0 ? key : null,
            form.GetValueOrDefault("status") ?? "",
            form.GetValueOrDefault("language"),
            form.GetValueOrDefault("spoiler_text"),
            form.GetValueOrDefault("visibility") ?? "public",
            form.GetValueOrDefault("in_reply_to_id"),
            mediaIds,
            new Uri(BaseAddress, $"@stadt/{id}").ToString(),
            0,
            0,
            0);
        if (key.Length > 0 && !_idempotencyKeys.TryAdd((token, key), id))
        {
            // A concurrent request with the same key stored first: Mastodon answers that one.
            return Results.Json(Json(_statuses[_idempotencyKeys[(token, key)]]));
        }

        _statuses[id] = status;
        return fault is { Store: true } ? Error(fault.StatusCode, "<html><body>Gateway Time-out</body></html>") : Results.Json(Json(status));
    }

    private async Task<IResult> UploadAsync(HttpRequest request)
    {
        if (Token(request) is null)
        {
            return Unauthorized();
        }

        var form = await request.ReadFormAsync();
        if (form.Files.GetFile("file") is not { } file)
        {
            return Error(422, "Validation failed: File can't be blank");
        }

        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var media = new FakeMastodonMedia(id, file.FileName, file.ContentType, file.Length, form["description"].ToString() is { Length: > 0 } description ? description : null);
        _media[id] = media;
        _processingPollsLeft[id] = MediaProcessingPolls;
        return MediaProcessingPolls > 0
            ? Results.Json(MediaJson(media, processed: false), statusCode: 202)
            : Results.Json(MediaJson(media, processed: true));
    }

    private static List<string> MediaIds(Dictionary<string, string> form)
    {
        if (form.TryGetValue("media_ids", out var json) && json.StartsWith('['))
        {
            return [.. JsonSerializer.Deserialize<string[]>(json)!];
        }

        return form.TryGetValue("media_ids[]", out var ids) ? [.. ids.Split(',', StringSplitOptions.RemoveEmptyEntries)] : [];
    }

    /// <summary>The account id of an access token: any token is an account of its own.</summary>
    private static string AccountId(string token) =>
        "1" + (BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), 0) % 1_000_000_000_000).ToString(CultureInfo.InvariantCulture);

    private static string? Token(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Length > 7 ? authorization[7..] : null;
    }

    private Dictionary<string, object?> Json(FakeMastodonStatus status) => new()
    {
        ["id"] = status.Id,
        ["created_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["in_reply_to_id"] = status.InReplyToId,
        ["sensitive"] = !string.IsNullOrEmpty(status.SpoilerText),
        ["spoiler_text"] = status.SpoilerText ?? "",
        ["visibility"] = status.Visibility,
        ["language"] = status.Language,
        ["uri"] = status.Url,
        ["url"] = status.Url,
        ["content"] = "<p>" + System.Net.WebUtility.HtmlEncode(status.Text) + "</p>",
        ["media_attachments"] = status.MediaIds.Select(id => MediaJson(_media[id], processed: true)).ToArray(),
        ["favourites_count"] = status.Favourites,
        ["reblogs_count"] = status.Boosts,
        ["replies_count"] = status.Replies,
    };

    private Dictionary<string, object?> MediaJson(FakeMastodonMedia media, bool processed) => new()
    {
        ["id"] = media.Id,
        ["type"] = "image",
        ["url"] = processed ? new Uri(BaseAddress, $"media/{media.Id}/{media.FileName}").ToString() : null,
        ["description"] = media.Description,
    };

    private static IResult Error(int statusCode, string? error, TimeSpan? retryAfter = null, HttpResponse? response = null)
    {
        if (retryAfter is { } wait && response is not null)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Limit"] = "300";
            response.Headers["X-RateLimit-Remaining"] = "0";
            response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.Add(wait).ToString("O", CultureInfo.InvariantCulture);
        }

        return error is not null && error.StartsWith('<')
            ? Results.Content(error, "text/html", statusCode: statusCode)
            : Results.Json(new { error = error ?? "Error" }, statusCode: statusCode);
    }

    private static IResult Unauthorized() => Error(401, "The access token is invalid");

    private static IResult NotFound() => Error(404, "Record not found");

    /// <summary>A file under the repository's <c>tests/testdata</c>.</summary>
    public static string TestData(params string[] path)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine([directory.FullName, "tests", "testdata", .. path]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"tests/testdata/{string.Join('/', path)} not found above {AppContext.BaseDirectory}.");
    }

    private sealed record Fault(int StatusCode, bool Store, string? Error, TimeSpan? RetryAfter);

    /// <summary><c>POST /api/v1/reports</c> (https://docs.joinmastodon.org/methods/reports/): <c>account_id</c> required and known; 422 otherwise.</summary>
    private async Task<IResult> ReportAsync(HttpRequest request)
    {
        if (Token(request) is not { } token)
        {
            return Unauthorized();
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var accountId = root.TryGetProperty("account_id", out var account) ? account.GetString() : null;
        if (accountId is null || !_citizenStatuses.Values.Any(s => JsonSerializer.SerializeToElement(s).GetProperty("account").GetProperty("id").GetString() == accountId))
        {
            return Error(422, "Validation failed: Target account can't be blank");
        }

        var statusIds = root.TryGetProperty("status_ids", out var ids) ? ids.EnumerateArray().Select(i => i.GetString()!).ToList() : [];
        var report = new FakeMastodonReport(Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture), token, accountId, statusIds,
            root.TryGetProperty("comment", out var comment) ? comment.GetString() ?? "" : "",
            root.TryGetProperty("category", out var category) ? category.GetString() : null,
            root.TryGetProperty("forward", out var forward) && forward.ValueKind == JsonValueKind.True);
        _reports.Enqueue(report);
        return Results.Json(new { id = report.Id, action_taken = false, category = report.Category ?? "other", comment = report.Comment, forwarded = report.Forward, status_ids = report.StatusIds });
    }
}

/// <summary>A status the fake instance stored.</summary>
/// <param name="Id">Its id (a snowflake-like number as text).</param>
/// <param name="AccessToken">The account (bearer token) that posted it.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> it was created with, if any.</param>
/// <param name="Text">The <c>status</c> parameter as received.</param>
/// <param name="Language">The <c>language</c> parameter.</param>
/// <param name="SpoilerText">The <c>spoiler_text</c> parameter (content warning).</param>
/// <param name="Visibility">The <c>visibility</c> parameter.</param>
/// <param name="InReplyToId">The <c>in_reply_to_id</c> parameter.</param>
/// <param name="MediaIds">The <c>media_ids</c> attached.</param>
/// <param name="Url">Its public URL.</param>
/// <param name="Favourites">Reported <c>favourites_count</c>.</param>
/// <param name="Boosts">Reported <c>reblogs_count</c>.</param>
/// <param name="Replies">Reported <c>replies_count</c>.</param>
public sealed record FakeMastodonStatus(
    string Id,
    string AccessToken,
    string? IdempotencyKey,
    string Text,
    string? Language,
    string? SpoilerText,
    string Visibility,
    string? InReplyToId,
    IReadOnlyList<string> MediaIds,
    string Url,
    int Favourites,
    int Boosts,
    int Replies);

/// <summary>An image uploaded to the fake instance, with its <c>description</c> (alt text).</summary>
public sealed record FakeMastodonMedia(string Id, string FileName, string? ContentType, long Length, string? Description);

/// <summary>A report the fake received.</summary>
/// <param name="Id">Its id.</param>
/// <param name="AccessToken">The reporting account's token.</param>
/// <param name="AccountId">The reported account.</param>
/// <param name="StatusIds">The statuses attached.</param>
/// <param name="Comment">The reason given.</param>
/// <param name="Category"><c>spam</c>, <c>violation</c>, <c>other</c>, or null.</param>
/// <param name="Forward">Whether a copy goes to the author's instance.</param>
public sealed record FakeMastodonReport(string Id, string AccessToken, string AccountId, IReadOnlyList<string> StatusIds, string Comment, string? Category, bool Forward);
