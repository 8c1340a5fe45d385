using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;

/// <summary>
/// Posts to a Bluesky account through XRPC on its PDS (the channel's address, e.g. <c>https://bsky.social</c>;
/// https://docs.bsky.app/docs/advanced-guides/posts), logged in with an app password.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Session: <c>com.atproto.server.createSession</c> (<c>identifier</c>, <c>password</c> → <c>accessJwt</c>,
/// <c>refreshJwt</c>, <c>did</c>), kept per channel (<see cref="BlueskySessions"/>). When the PDS answers
/// <c>ExpiredToken</c>, <c>com.atproto.server.refreshSession</c> (or, failing that, a new session) and the request once more.</item>
/// <item>Images: <c>com.atproto.repo.uploadBlob</c> each, then <c>app.bsky.embed.images</c> with <c>alt</c>.</item>
/// <item>The post: <c>com.atproto.repo.createRecord</c> of <c>app.bsky.feed.post</c> under the record key
/// <see cref="BlueskyRecordKey"/>, with <c>text</c>, <c>createdAt</c>, <c>langs</c>, link facets
/// (<see cref="BlueskyFacets"/>, UTF-8 byte offsets) and, for a reply, <c>reply.root</c>/<c>reply.parent</c>
/// (the root read from the parent's own record).</item>
/// </list>
/// <para><b>Never twice.</b> Every attempt of a delivery writes under the same record key, and a repository holds
/// one record per key. A repeated attempt (<see cref="OutboundMessage.Attempt"/> &gt; 1) first asks
/// <c>com.atproto.repo.getRecord</c> for that key and, when the record is there, is Sent with it. A
/// <c>createRecord</c> that fails in any way but 429 (a timeout, a 5xx — the PDS answers a key that exists with
/// 500 today, bluesky-social/atproto#3718 — or a 4xx) is followed by the same lookup before the outcome is decided;
/// the resilience pipeline does not repeat <c>createRecord</c> itself.</para>
/// <para>PlatformId: <c>at://{did}/app.bsky.feed.post/{rkey}|{cid}</c> (a reply needs both); Url
/// <c>https://bsky.app/profile/{handle}/post/{rkey}</c>.</para>
/// </remarks>
internal sealed class BlueskyAdapter(HttpClient http, BlueskySessions sessions, IOptions<DeliveryHttpOptions> options, TimeProvider time) : IChannelAdapter, IInboxSource
{
    private const string Platform = "Bluesky";
    private const string PostCollection = "app.bsky.feed.post";

    /// <summary>The PDS of a channel registered without address (the docs' default).</summary>
    private const string DefaultPds = "https://bsky.social";

    public string Kind => OutreachChannelKinds.Bluesky;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel;
        var rkey = BlueskyRecordKey.For(message.DeliveryId, message.IdempotencyKey);
        // Before createRecord: nothing was written that the next attempt will not find under its key.
        return await PlatformHttp.AttemptAsync(Platform, options.Value.CircuitBreakerBreakDuration, async () =>
        {
            var session = await SessionAsync(channel, cancellationToken);
            if (message.Attempt > 1 && await FindPostAsync(channel, session.Did, rkey, cancellationToken) is { } earlier)
            {
                return Sent(earlier, session);
            }

            var record = new JsonObject
            {
                ["$type"] = PostCollection,
                ["text"] = message.Text,
                ["createdAt"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["langs"] = new JsonArray(message.Language),
            };
            var facets = BlueskyFacets.Links(message.Text);
            if (facets.Count > 0)
            {
                record["facets"] = facets;
            }

            if (message.Media.Count > 0)
            {
                record["embed"] = await ImagesAsync(channel, message.Media, cancellationToken);
            }

            if (!string.IsNullOrWhiteSpace(message.ReplyTo))
            {
                record["reply"] = await ReplyAsync(channel, message.ReplyTo, cancellationToken);
            }

            return await CreatePostAsync(channel, rkey, record, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Likes, reposts and replies of a post (<c>app.bsky.feed.getPosts</c>, through the PDS); null when it is gone.</summary>
    /// <exception cref="PlatformUnavailableException">The PDS could not be asked or refused.</exception>
    public async Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (uri, _) = PostReference.Parse(platformId);
        return await PlatformHttp.ReadAsync<Engagement?>(Platform, async () =>
        {
            using var response = await XrpcAsync(channel, HttpMethod.Get, "app.bsky.feed.getPosts?uris=" + Uri.EscapeDataString(uri), null, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode || body is not { ValueKind: JsonValueKind.Object } answer || !answer.TryGetProperty("posts", out var posts))
            {
                throw new PlatformUnavailableException($"Bluesky: {PlatformHttp.Describe(response, XrpcMessage(body))}");
            }

            var post = posts.EnumerateArray().FirstOrDefault();
            return post.ValueKind != JsonValueKind.Object
                ? null
                : new Engagement(PlatformHttp.Count(post, "likeCount"), PlatformHttp.Count(post, "repostCount"), PlatformHttp.Count(post, "replyCount"), time.GetUtcNow());
        }, cancellationToken);
    }

    /// <summary>
    /// Replies, mentions and quotes from the account's notifications (<c>app.bsky.notification.listNotifications</c>, the
    /// latest 50; https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications). An item is answered with
    /// <c>ReplyTo</c> = <c>uri|cid</c>; Bluesky's cursor pages backwards, so no position is kept (the inbox keeps one per URI).
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The PDS could not be read.</exception>
    public async Task<InboxBatch> ReadInboxAsync(ChannelEndpoint channel, string? position, IReadOnlyList<string> ownPosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return await PlatformHttp.ReadAsync(Platform, async () =>
        {
            using var response = await XrpcAsync(channel, HttpMethod.Get, "app.bsky.notification.listNotifications?limit=50", null, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode || body is not { ValueKind: JsonValueKind.Object } answer || !answer.TryGetProperty("notifications", out var notifications))
            {
                throw new PlatformUnavailableException($"Bluesky: {PlatformHttp.Describe(response, XrpcMessage(body))}");
            }

            var items = new List<InboundItem>();
            foreach (var notification in notifications.EnumerateArray())
            {
                var reason = PlatformHttp.Member(notification, "reason");
                if (reason is not ("reply" or "mention" or "quote") || PlatformHttp.Member(notification, "uri") is not { } uri || PlatformHttp.Member(notification, "cid") is not { } cid)
                {
                    continue;
                }

                var author = notification.TryGetProperty("author", out var a) ? a : default;
                var record = notification.TryGetProperty("record", out var r) ? r : default;
                var parent = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("reply", out var reply) && reply.TryGetProperty("parent", out var p) ? PlatformHttp.Member(p, "uri") : null;
                var handle = PlatformHttp.Member(author, "handle") ?? "?";
                items.Add(new InboundItem(
                    uri,
                    new PostReference(uri, cid).ToString(),
                    reason == "reply" ? "reply" : "mention",
                    parent,
                    "@" + handle,
                    PlatformHttp.Member(author, "displayName"),
                    PlatformHttp.Member(record, "text") ?? "",
                    $"https://bsky.app/profile/{handle}/post/{uri[(uri.LastIndexOf('/') + 1)..]}",
                    DateTimeOffset.TryParse(PlatformHttp.Member(notification, "indexedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : time.GetUtcNow()));
            }

            return new InboxBatch(items, null);
        }, cancellationToken);
    }

    private async Task<DeliveryOutcome> CreatePostAsync(ChannelEndpoint channel, string rkey, JsonObject record, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(channel, cancellationToken);
        var create = new JsonObject { ["repo"] = session.Did, ["collection"] = PostCollection, ["rkey"] = rkey, ["record"] = record };
        DeliveryOutcome failure;
        try
        {
            using var response = await XrpcAsync(channel, HttpMethod.Post, "com.atproto.repo.createRecord", () => JsonContent.Create(create), cancellationToken, retryOnlyIfNotReceived: true);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && PlatformHttp.Member(body, "uri") is { } uri && PlatformHttp.Member(body, "cid") is { } cid)
            {
                return Sent(new PostReference(uri, cid), session);
            }

            var error = "Bluesky createRecord: " + PlatformHttp.Describe(response, XrpcMessage(body));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return DeliveryOutcome.Retry(error, await PlatformRetryAfter.ReadAsync(response, time, cancellationToken), 429);
            }

            failure = response.IsSuccessStatusCode ? DeliveryOutcome.Retry(error, status: (int)response.StatusCode) : PlatformHttp.ForErrorStatus(response, error, null);
        }
        catch (Exception e) when (PlatformHttp.IsTransportFailure(e, cancellationToken))
        {
            if (PlatformHttp.NeverReceived(e))
            {
                return PlatformHttp.RetryAfterFailure(Platform, e, options.Value.CircuitBreakerBreakDuration);
            }

            failure = DeliveryOutcome.Retry($"Bluesky did not answer createRecord in time ({e.GetType().Name}); the next attempt looks for the post under its record key first.");
        }

        // The record may exist all the same: written before the answer was lost, or by an earlier attempt.
        return await FindPostAsync(channel, session.Did, rkey, cancellationToken) is { } written ? Sent(written, session) : failure;
    }

    private async Task<JsonObject> ImagesAsync(ChannelEndpoint channel, IReadOnlyList<OutboundMedia> media, CancellationToken cancellationToken)
    {
        var images = new JsonArray();
        foreach (var image in media)
        {
            using var response = await XrpcAsync(channel, HttpMethod.Post, "com.atproto.repo.uploadBlob", () => Blob(image), cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode || body is not { ValueKind: JsonValueKind.Object } answer || !answer.TryGetProperty("blob", out var blob))
            {
                throw new DeliveryOutcomeException(PlatformHttp.ForErrorStatus(response, $"Bluesky uploadBlob of {image.FileName}: " + PlatformHttp.Describe(response, XrpcMessage(body)), null));
            }

            images.Add(new JsonObject { ["alt"] = image.AltText ?? string.Empty, ["image"] = JsonNode.Parse(blob.GetRawText()) });
        }

        return new JsonObject { ["$type"] = "app.bsky.embed.images", ["images"] = images };
    }

    private static ByteArrayContent Blob(OutboundMedia image)
    {
        var content = new ByteArrayContent(image.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
        return content;
    }

    /// <summary><c>reply.parent</c> is the post answered; <c>reply.root</c> the first post of its thread, read from the parent's record.</summary>
    private async Task<JsonObject> ReplyAsync(ChannelEndpoint channel, string replyTo, CancellationToken cancellationToken)
    {
        var parent = PostReference.Parse(replyTo);
        var parentUri = parent.Uri.Split('/');
        if (parentUri.Length < 5 || parentUri[0] != "at:")
        {
            throw new DeliveryOutcomeException(DeliveryOutcome.Failed($"'{replyTo}' is not a Bluesky post reference (at://did/app.bsky.feed.post/rkey|cid)."));
        }

        var root = await GetRecordAsync(channel, parentUri[2], parentUri[4], cancellationToken) is { } parentRecord
            && parentRecord.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("reply", out var reply) && reply.TryGetProperty("root", out var parentRoot)
            && PlatformHttp.Member(parentRoot, "uri") is { } rootUri && PlatformHttp.Member(parentRoot, "cid") is { } rootCid
                ? new PostReference(rootUri, rootCid)
                : parent;
        return new JsonObject { ["root"] = root.ToJson(), ["parent"] = parent.ToJson() };
    }

    private async Task<PostReference?> FindPostAsync(ChannelEndpoint channel, string did, string rkey, CancellationToken cancellationToken) =>
        await GetRecordAsync(channel, did, rkey, cancellationToken) is { } found && PlatformHttp.Member(found, "uri") is { } uri && PlatformHttp.Member(found, "cid") is { } cid
            ? new PostReference(uri, cid)
            : null;

    /// <summary><c>com.atproto.repo.getRecord</c> of a post; null when there is none (<c>RecordNotFound</c>).</summary>
    private async Task<JsonElement?> GetRecordAsync(ChannelEndpoint channel, string repo, string rkey, CancellationToken cancellationToken)
    {
        var query = $"com.atproto.repo.getRecord?repo={Uri.EscapeDataString(repo)}&collection={PostCollection}&rkey={Uri.EscapeDataString(rkey)}";
        try
        {
            using var response = await XrpcAsync(channel, HttpMethod.Get, query, null, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && body is { ValueKind: JsonValueKind.Object })
            {
                return body;
            }

            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound && PlatformHttp.Member(body, "error") == "RecordNotFound")
            {
                return null;
            }

            throw new DeliveryOutcomeException(DeliveryOutcome.Retry("Bluesky getRecord (is the post there already?): " + PlatformHttp.Describe(response, XrpcMessage(body)), status: (int)response.StatusCode));
        }
        catch (Exception e) when (PlatformHttp.IsTransportFailure(e, cancellationToken))
        {
            throw new DeliveryOutcomeException(DeliveryOutcome.Retry($"Bluesky getRecord (is the post there already?) failed: {e.GetType().Name}."));
        }
    }

    /// <summary>An authorised XRPC call; on <c>ExpiredToken</c> the session is refreshed and the call made once more.</summary>
    private async Task<HttpResponseMessage> XrpcAsync(ChannelEndpoint channel, HttpMethod method, string nsidAndQuery, Func<HttpContent>? body, CancellationToken cancellationToken, bool retryOnlyIfNotReceived = false)
    {
        var session = await SessionAsync(channel, cancellationToken);
        var response = await SendAsync(session);
        if (!await IsExpiredTokenAsync(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        session = await RefreshAsync(channel, session, cancellationToken);
        return await SendAsync(session);

        async Task<HttpResponseMessage> SendAsync(BlueskySession current)
        {
            // A new request (and body) each time: sending disposes them.
            using var request = PlatformHttp.Request(method, Xrpc(channel, nsidAndQuery), channel, retryOnlyIfNotReceived);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.AccessJwt);
            request.Content = body?.Invoke();
            return await http.SendAsync(request, cancellationToken);
        }
    }

    private static async Task<bool> IsExpiredTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized
        && PlatformHttp.Member(await PlatformHttp.ReadJsonAsync(response, cancellationToken), "error") == "ExpiredToken";

    private async Task<BlueskySession> SessionAsync(ChannelEndpoint channel, CancellationToken cancellationToken)
    {
        var identifier = PlatformHttp.Credential(channel, "identifier");
        var password = PlatformHttp.Credential(channel, "appPassword");
        var fingerprint = BlueskySessions.Fingerprint(channel.Address ?? DefaultPds, identifier, password);
        if (sessions.Find(channel, fingerprint) is { } kept)
        {
            return kept;
        }

        var created = await SessionCallAsync(channel, "com.atproto.server.createSession", null, new JsonObject { ["identifier"] = identifier, ["password"] = password }, fingerprint, cancellationToken);
        sessions.Keep(channel, created);
        return created;
    }

    private async Task<BlueskySession> RefreshAsync(ChannelEndpoint channel, BlueskySession expired, CancellationToken cancellationToken)
    {
        try
        {
            var refreshed = await SessionCallAsync(channel, "com.atproto.server.refreshSession", expired.RefreshJwt, null, expired.CredentialFingerprint, cancellationToken);
            sessions.Keep(channel, refreshed);
            return refreshed;
        }
        catch (DeliveryOutcomeException)
        {
            // The refresh token has expired or was revoked too: log in again.
            sessions.Forget(channel);
            return await SessionAsync(channel, cancellationToken);
        }
    }

    private async Task<BlueskySession> SessionCallAsync(ChannelEndpoint channel, string nsid, string? bearer, JsonObject? body, string fingerprint, CancellationToken cancellationToken)
    {
        using var request = PlatformHttp.Request(HttpMethod.Post, Xrpc(channel, nsid), channel);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Content = body is null ? null : JsonContent.Create(body);
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode
            && PlatformHttp.Member(answer, "did") is { } did
            && PlatformHttp.Member(answer, "accessJwt") is { } access
            && PlatformHttp.Member(answer, "refreshJwt") is { } refresh)
        {
            return new BlueskySession(did, PlatformHttp.Member(answer, "handle"), access, refresh, fingerprint);
        }

        var error = $"Bluesky {nsid}: " + PlatformHttp.Describe(response, XrpcMessage(answer));
        throw new DeliveryOutcomeException(response.StatusCode == HttpStatusCode.TooManyRequests
            ? DeliveryOutcome.Retry(error, await PlatformRetryAfter.ReadAsync(response, time, cancellationToken), 429)
            : PlatformHttp.ForErrorStatus(response, error, null));
    }

    /// <summary>An XRPC endpoint on the channel's PDS (<c>/xrpc/{nsid}</c>, https://atproto.com/specs/xrpc).</summary>
    private static Uri Xrpc(ChannelEndpoint channel, string nsidAndQuery) =>
        PlatformHttp.Under(string.IsNullOrWhiteSpace(channel.Address) ? DefaultPds : channel.Address, "/xrpc/" + nsidAndQuery);

    private static string? XrpcMessage(JsonElement? body) =>
        (PlatformHttp.Member(body, "error"), PlatformHttp.Member(body, "message")) switch
        {
            ({ } error, { } message) => $"{error}: {message}",
            (var error, var message) => error ?? message,
        };

    private static DeliveryOutcome Sent(PostReference post, BlueskySession session)
    {
        var rkey = post.Uri[(post.Uri.LastIndexOf('/') + 1)..];
        return DeliveryOutcome.Sent(post.ToString(), $"https://bsky.app/profile/{session.Handle ?? session.Did}/post/{rkey}");
    }

    /// <summary>A strong reference to a post (<c>com.atproto.repo.strongRef</c>), written <c>uri|cid</c> as PlatformId.</summary>
    private sealed record PostReference(string Uri, string Cid)
    {
        public static PostReference Parse(string platformId)
        {
            var separator = platformId.LastIndexOf('|');
            return separator > 0 ? new PostReference(platformId[..separator], platformId[(separator + 1)..]) : new PostReference(platformId, string.Empty);
        }

        public JsonObject ToJson() => new() { ["uri"] = Uri, ["cid"] = Cid };

        public override string ToString() => $"{Uri}|{Cid}";
    }
}
