using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// A Bluesky PDS on 127.0.0.1 speaking the XRPC the adapter needs: <c>com.atproto.server.createSession</c> and
/// <c>refreshSession</c>, <c>com.atproto.repo.getRecord</c>, <c>createRecord</c> (a client-chosen <c>rkey</c> must be a
/// TID; a key that exists is answered 500 as the reference PDS does today, bluesky-social/atproto#3718),
/// <c>uploadBlob</c>, and <c>app.bsky.feed.getPosts</c>. Any identifier with any non-empty password is an account
/// (its DID derived from the identifier), so many channels can share one fake. It checks that link facets'
/// byte ranges lie within the text's UTF-8 bytes.
/// </summary>
public sealed partial class FakeBluesky : FakePlatformServer
{
    private readonly ConcurrentDictionary<string, FakeBlueskyRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeBlueskyBlob> _blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Did, bool Refresh)> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _handles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Likes, int Reposts, int Replies)> _engagement = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Fault> _createFaults = new();
    private int _sessionsCreated;
    private int _sessionsRefreshed;

    /// <summary>Every record stored, in order of creation.</summary>
    public IReadOnlyList<FakeBlueskyRecord> Records => [.. _records.Values.OrderBy(record => record.Sequence)];

    /// <summary>Every blob uploaded.</summary>
    public IReadOnlyList<FakeBlueskyBlob> Blobs => [.. _blobs.Values];

    /// <summary>How many sessions <c>createSession</c> made.</summary>
    public int SessionsCreated => Volatile.Read(ref _sessionsCreated);

    /// <summary>How many sessions <c>refreshSession</c> renewed.</summary>
    public int SessionsRefreshed => Volatile.Read(ref _sessionsRefreshed);

    /// <summary>The DID the fake gives the account <paramref name="identifier"/>.</summary>
    public static string DidOf(string identifier) =>
        "did:plc:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifier)))[..24];

    /// <summary>Every access token issued so far is answered 400 <c>ExpiredToken</c> from now on.</summary>
    public void ExpireAccessTokens()
    {
        foreach (var (token, (_, refresh)) in _tokens)
        {
            if (!refresh)
            {
                _tokens[token] = ("expired", false);
            }
        }
    }

    /// <summary>The next <c>createRecord</c> is stored, then answered with <paramref name="statusCode"/> (the answer is lost).</summary>
    public void StoreThenAnswerOnce(int statusCode) => _createFaults.Enqueue(new Fault(statusCode, Store: true, "InternalServerError", "Internal Server Error"));

    /// <summary>The next <c>createRecord</c> is answered with <paramref name="statusCode"/> and the XRPC error; nothing stored.</summary>
    public void AnswerOnce(int statusCode, string error = "InternalServerError", string message = "Internal Server Error") =>
        _createFaults.Enqueue(new Fault(statusCode, Store: false, error, message));

    /// <summary>Sets the counts <c>app.bsky.feed.getPosts</c> reports for a post.</summary>
    public void SetEngagement(string uri, int likes, int reposts, int replies) => _engagement[uri] = (likes, reposts, replies);

    protected override void Map(WebApplication app)
    {
        app.MapPost("/xrpc/com.atproto.server.createSession", CreateSessionAsync);
        app.MapPost("/xrpc/com.atproto.server.refreshSession", (HttpRequest request) =>
        {
            if (!_tokens.TryRemove(Bearer(request) ?? "", out var session) || !session.Refresh)
            {
                return Error(400, "ExpiredToken", "Token has been revoked");
            }

            Interlocked.Increment(ref _sessionsRefreshed);
            return Session(session.Did);
        });
        app.MapGet("/xrpc/com.atproto.repo.getRecord", (HttpRequest request) =>
        {
            var repo = request.Query["repo"].ToString();
            var did = repo.StartsWith("did:", StringComparison.Ordinal) ? repo : _handles.GetValueOrDefault(repo) ?? repo;
            var uri = $"at://{did}/{request.Query["collection"]}/{request.Query["rkey"]}";
            return _records.TryGetValue(uri, out var record)
                ? Results.Json(new { uri, cid = record.Cid, value = record.Value })
                : Error(400, "RecordNotFound", $"Could not locate record: {uri}");
        });
        app.MapPost("/xrpc/com.atproto.repo.createRecord", CreateRecordAsync);
        app.MapPost("/xrpc/com.atproto.repo.uploadBlob", UploadBlobAsync);
        app.MapGet("/xrpc/app.bsky.feed.getPosts", (HttpRequest request) =>
        {
            if (Authenticate(request) is { } refused)
            {
                return refused;
            }

            var posts = request.Query["uris"].Where(uri => uri is not null && _records.ContainsKey(uri)).Select(uri =>
            {
                var record = _records[uri!];
                var (likes, reposts, replies) = _engagement.GetValueOrDefault(uri!);
                return new { uri, cid = record.Cid, record = record.Value, likeCount = likes, repostCount = reposts, replyCount = replies };
            });
            return Results.Json(new { posts });
        });
    }

    private async Task<IResult> CreateSessionAsync(HttpRequest request)
    {
        var parameters = await ParametersAsync(request);
        var identifier = parameters.GetValueOrDefault("identifier");
        if (string.IsNullOrEmpty(identifier) || string.IsNullOrEmpty(parameters.GetValueOrDefault("password")))
        {
            return Error(401, "AuthenticationRequired", "Invalid identifier or password");
        }

        var did = DidOf(identifier);
        _handles[Handle(identifier)] = did;
        Interlocked.Increment(ref _sessionsCreated);
        return Session(did, Handle(identifier));
    }

    private async Task<IResult> CreateRecordAsync(HttpRequest request)
    {
        if (Authenticate(request) is { } refused)
        {
            return refused;
        }

        var did = _tokens[Bearer(request)!].Did;
        using var document = await JsonDocument.ParseAsync(request.Body);
        var input = document.RootElement;
        var collection = input.GetProperty("collection").GetString()!;
        if (input.GetProperty("repo").GetString() is not { } repo || (repo != did && _handles.GetValueOrDefault(repo) != did))
        {
            return Error(401, "AuthRequired", "Authentication Required");
        }

        var rkey = input.TryGetProperty("rkey", out var given) ? given.GetString()! : Tid(DateTimeOffset.UtcNow);
        if (collection == "app.bsky.feed.post" && !TidSyntax().IsMatch(rkey))
        {
            return Error(400, "InvalidRequest", $"Invalid record key for {collection}: {rkey}");
        }

        var record = input.GetProperty("record").Clone();
        if (Invalid(record) is { } invalid)
        {
            return Error(400, "InvalidRequest", $"Invalid app.bsky.feed.post record: {invalid}");
        }

        _createFaults.TryDequeue(out var fault);
        if (fault is { Store: false })
        {
            return Error(fault.StatusCode, fault.Error, fault.Message);
        }

        var uri = $"at://{did}/{collection}/{rkey}";
        var cid = "bafyrei" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.GetRawText())))[..52];
        var stored = new FakeBlueskyRecord(uri, cid, did, collection, rkey, record, _records.Count);
        if (!_records.TryAdd(uri, stored))
        {
            return Error(500, "InternalServerError", "Internal Server Error");
        }

        return fault is { Store: true }
            ? Error(fault.StatusCode, fault.Error, fault.Message)
            : Results.Json(new { uri, cid, commit = new { cid = "bafyreicommit" + rkey, rev = rkey }, validationStatus = "valid" });
    }

    private async Task<IResult> UploadBlobAsync(HttpRequest request)
    {
        if (Authenticate(request) is { } refused)
        {
            return refused;
        }

        using var content = new MemoryStream();
        await request.Body.CopyToAsync(content);
        var bytes = content.ToArray();
        var cid = "bafkrei" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..52];
        _blobs[cid] = new FakeBlueskyBlob(cid, request.ContentType ?? "application/octet-stream", bytes.Length);
        return Results.Json(new { blob = new Dictionary<string, object> { ["$type"] = "blob", ["ref"] = new Dictionary<string, string> { ["$link"] = cid }, ["mimeType"] = request.ContentType ?? "", ["size"] = bytes.Length } });
    }

    /// <summary>What the reference PDS's lexicon validation would refuse in a post (the parts the adapter writes).</summary>
    private static string? Invalid(JsonElement record)
    {
        if (record.GetProperty("$type").GetString() != "app.bsky.feed.post" || record.GetProperty("text").GetString() is not { } text)
        {
            return "Record/$type and Record/text are required";
        }

        if (!record.TryGetProperty("createdAt", out var createdAt) || !DateTimeOffset.TryParse(createdAt.GetString(), CultureInfo.InvariantCulture, out _))
        {
            return "Record/createdAt must be a valid datetime";
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > 3000)
        {
            return "Record/text must not be longer than 3000 characters";
        }

        foreach (var facet in record.TryGetProperty("facets", out var facets) ? facets.EnumerateArray() : default)
        {
            var index = facet.GetProperty("index");
            var (start, end) = (index.GetProperty("byteStart").GetInt32(), index.GetProperty("byteEnd").GetInt32());
            if (start < 0 || end <= start || end > bytes)
            {
                return $"Record/facets index [{start}, {end}) outside the text's {bytes} bytes";
            }
        }

        return null;
    }

    private IResult? Authenticate(HttpRequest request) =>
        Bearer(request) is { } token && _tokens.TryGetValue(token, out var session)
            ? session.Did == "expired" ? Error(400, "ExpiredToken", "Token has expired") : session.Refresh ? Error(400, "InvalidToken", "Invalid token type") : null
            : Error(401, "AuthenticationRequired", "Authentication Required");

    private IResult Session(string did, string? handle = null)
    {
        var access = "access-" + Guid.NewGuid().ToString("N");
        var refresh = "refresh-" + Guid.NewGuid().ToString("N");
        _tokens[access] = (did, false);
        _tokens[refresh] = (did, true);
        handle ??= _handles.FirstOrDefault(pair => pair.Value == did).Key;
        return Results.Json(new { accessJwt = access, refreshJwt = refresh, handle, did, active = true });
    }

    private static string Handle(string identifier) => identifier.Contains('.', StringComparison.Ordinal) ? identifier : identifier + ".bsky.social";

    private static string? Bearer(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : null;
    }

    private static IResult Error(int statusCode, string error, string message) => Results.Json(new { error, message }, statusCode: statusCode);

    private static string Tid(DateTimeOffset now)
    {
        const string alphabet = "234567abcdefghijklmnopqrstuvwxyz";
        var value = (ulong)now.ToUnixTimeMilliseconds() * 1000 << 10;
        var characters = new char[13];
        for (var index = 12; index >= 0; index--, value >>= 5)
        {
            characters[index] = alphabet[(int)(value & 31)];
        }

        return new string(characters);
    }

    /// <summary>TID syntax (https://atproto.com/specs/tid).</summary>
    [GeneratedRegex("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")]
    private static partial Regex TidSyntax();

    private sealed record Fault(int StatusCode, bool Store, string Error, string Message);
}

/// <summary>A record the fake PDS stored.</summary>
/// <param name="Uri"><c>at://{did}/{collection}/{rkey}</c>.</param>
/// <param name="Cid">Its (fake) CID.</param>
/// <param name="Did">The repository.</param>
/// <param name="Collection">E.g. <c>app.bsky.feed.post</c>.</param>
/// <param name="Rkey">The record key.</param>
/// <param name="Value">The record as received.</param>
/// <param name="Sequence">Order of creation.</param>
public sealed record FakeBlueskyRecord(string Uri, string Cid, string Did, string Collection, string Rkey, JsonElement Value, int Sequence);

/// <summary>A blob the fake PDS received.</summary>
public sealed record FakeBlueskyBlob(string Cid, string MimeType, int Size);
