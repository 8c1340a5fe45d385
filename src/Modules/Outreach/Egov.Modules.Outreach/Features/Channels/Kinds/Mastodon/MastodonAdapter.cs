using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Features.Channels;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;

/// <summary>
/// Publishes to a Mastodon account through its instance's REST API, authorised with the account's access
/// token (<c>Authorization: Bearer</c>, https://docs.joinmastodon.org/client/authorized/).
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Each image: <c>POST /api/v2/media</c> (multipart <c>file</c>, <c>description</c> = alt text;
/// https://docs.joinmastodon.org/methods/media/#v2). 200 means processed; 202 means the instance is still
/// processing it, and <c>GET /api/v1/media/:id</c> answers 206 until it is done (200), polled every
/// <see cref="DeliveryHttpOptions.MediaPollInterval"/> for at most <see cref="DeliveryHttpOptions.MediaProcessingTimeout"/>.</item>
/// <item>The status: <c>POST /api/v1/statuses</c> (JSON: <c>status</c>, <c>visibility=public</c>, <c>language</c>,
/// <c>spoiler_text</c>, <c>media_ids</c>, <c>in_reply_to_id</c>; https://docs.joinmastodon.org/methods/statuses/#create)
/// with <c>Idempotency-Key</c> = <see cref="OutboundMessage.IdempotencyKey"/>.</item>
/// </list>
/// <para><b>Never twice.</b> The key is the same on every try and every attempt of a delivery. Mastodon keeps it
/// for an hour per account and answers a repeat with the status the first request created, so a retry after a
/// timeout or a 5xx is safe, and the resilience pipeline retries freely. A repeat later than an hour after an
/// attempt that reached the instance could publish twice: the engine must not leave that long between attempts.</para>
/// <para>Outcomes: 2xx → Sent (status <c>id</c>, its <c>url</c>); 422 (validation, with Mastodon's <c>error</c>),
/// 401, 403, 404 and any other 4xx → Failed; 408, 429 (waiting <c>Retry-After</c> or until <c>X-RateLimit-Reset</c>,
/// https://docs.joinmastodon.org/api/rate-limits/), 5xx and timeouts → Retry — but after a 5xx, 408 or timeout of
/// the status request the adapter first looks for the status among the account's latest (Mastodon answers a repeated
/// <c>Idempotency-Key</c> with 500 at times, while the first request's status is public): found → Sent with its id;
/// cannot be looked up → Retry on a first attempt, Uncertain on a later one.</para>
/// </remarks>
internal sealed partial class MastodonAdapter(HttpClient http, IOptions<DeliveryHttpOptions> options, TimeProvider time) : IChannelAdapter, IInboxSource, IInboxModerator
{
    private const string Platform = "Mastodon";

    public string Kind => OutreachChannelKinds.Mastodon;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel;
        var token = channel.Credentials.GetValueOrDefault("accessToken");
        var posted = await PlatformHttp.AttemptAsync(Platform, options.Value.CircuitBreakerBreakDuration, async () =>
        {
            token = PlatformHttp.Credential(channel, "accessToken");
            var mediaIds = new JsonArray();
            foreach (var media in message.Media)
            {
                mediaIds.Add(await UploadAsync(channel, token, media, cancellationToken));
            }

            var status = new JsonObject
            {
                ["status"] = message.Text,
                ["visibility"] = "public",
                ["language"] = message.Language,
            };
            if (!string.IsNullOrWhiteSpace(message.ContentWarning))
            {
                status["spoiler_text"] = message.ContentWarning;
            }

            if (mediaIds.Count > 0)
            {
                status["media_ids"] = mediaIds;
            }

            if (!string.IsNullOrWhiteSpace(message.ReplyTo))
            {
                status["in_reply_to_id"] = message.ReplyTo;
            }

            return await PostStatusAsync(channel, token, message.IdempotencyKey, status, cancellationToken);
        }, cancellationToken);

        // A 5xx, 408 or timeout may hide a created status; after a first attempt any Retry may (an earlier
        // attempt may have created it, and this one could not tell).
        var mayBePublished = posted.Kind == DeliveryOutcomeKind.Retry
            && (message.Attempt > 1 || posted.HttpStatus is null or >= 500 or (int)HttpStatusCode.RequestTimeout);
        return mayBePublished && !string.IsNullOrWhiteSpace(token)
            ? await ReconcileAsync(channel, token, message, posted, cancellationToken)
            : posted;
    }

    private async Task<DeliveryOutcome> PostStatusAsync(ChannelEndpoint channel, string token, string idempotencyKey, JsonObject status, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, channel, "/api/v1/statuses", token);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Content = JsonContent.Create(status);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await ErrorAsync(response, body, cancellationToken);
        }

        return PlatformHttp.Member(body, "id") is { } id
            ? DeliveryOutcome.Sent(id, PlatformHttp.Member(body, "url"), (int)response.StatusCode)
            : DeliveryOutcome.Retry("Mastodon accepted the status but answered without its id; the next attempt gets it again with the same Idempotency-Key.", status: (int)response.StatusCode);
    }

    /// <summary>
    /// After a 5xx, 408 or a timeout the status may exist: this try or an earlier one (of this attempt or an
    /// earlier attempt) may have created it, and Mastodon sometimes answers a repeated <c>Idempotency-Key</c>
    /// with 500 instead of the stored status. So look among the account's latest statuses before repeating:
    /// found → Sent with its id; certainly not there → the Retry as it was (repeating is safe); cannot be
    /// looked up (the instance down, its circuit open, rate limited) → on a first attempt Retry (the next attempt
    /// looks again), later Uncertain for a person — never a Retry that could run out as Failed while the post is public.
    /// </summary>
    private async Task<DeliveryOutcome> ReconcileAsync(ChannelEndpoint channel, string token, OutboundMessage message, DeliveryOutcome posted, CancellationToken cancellationToken)
    {
        try
        {
            var found = await FindPublishedAsync(channel, token, message, cancellationToken);
            return found ?? posted;
        }
        catch (PlatformUnavailableException e)
        {
            var error = $"{posted.Error} The status may have been published; the account's statuses could not be read to find out ({e.Message}).";
            return message.Attempt > 1
                ? DeliveryOutcome.Uncertain(error + " Look at the account, then confirm or retry the delivery.", posted.HttpStatus)
                : posted with { Error = error };
        }
    }

    /// <summary>
    /// The status of this message among the account's latest <see cref="ReconcileStatusLimit"/>
    /// (<c>GET /api/v1/accounts/verify_credentials</c> for the account id, then <c>GET /api/v1/accounts/:id/statuses</c>,
    /// newest first; https://docs.joinmastodon.org/methods/accounts/#statuses): the same reply target, content
    /// warning and number of images, and the same text — compared on the rendered <c>content</c> (tags removed,
    /// entities decoded, white space ignored), else exactly on the status source (<c>GET /api/v1/statuses/:id/source</c>,
    /// Mastodon ≥ 3.5), since Mastodon renders mentions and links differently from the text sent.
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The account or its statuses could not be read.</exception>
    private async Task<DeliveryOutcome?> FindPublishedAsync(ChannelEndpoint channel, string token, OutboundMessage message, CancellationToken cancellationToken)
    {
        var account = await GetJsonAsync(channel, token, "/api/v1/accounts/verify_credentials", cancellationToken);
        var accountId = PlatformHttp.Member(account, "id") ?? throw new PlatformUnavailableException("Mastodon: verify_credentials answered without an account id.");
        var statuses = await GetJsonAsync(channel, token, $"/api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses?limit={ReconcileStatusLimit}&exclude_reblogs=true", cancellationToken);
        if (statuses.ValueKind != JsonValueKind.Array)
        {
            throw new PlatformUnavailableException("Mastodon: the account's statuses are not a list.");
        }

        var candidates = statuses.EnumerateArray()
            .Where(status => PlatformHttp.Member(status, "in_reply_to_id") == (string.IsNullOrWhiteSpace(message.ReplyTo) ? null : message.ReplyTo)
                && (PlatformHttp.Member(status, "spoiler_text") ?? "") == (string.IsNullOrWhiteSpace(message.ContentWarning) ? "" : message.ContentWarning)
                && (status.TryGetProperty("media_attachments", out var media) && media.ValueKind == JsonValueKind.Array ? media.GetArrayLength() : 0) == message.Media.Count)
            .ToList();
        var wanted = WithoutWhiteSpace(message.Text);
        foreach (var candidate in candidates)
        {
            if (WithoutWhiteSpace(WebUtility.HtmlDecode(Tags().Replace(PlatformHttp.Member(candidate, "content") ?? "", " "))) == wanted)
            {
                return Found(candidate);
            }
        }

        foreach (var candidate in candidates)
        {
            var source = await GetJsonAsync(channel, token, $"/api/v1/statuses/{Uri.EscapeDataString(PlatformHttp.Member(candidate, "id") ?? "")}/source", cancellationToken);
            if (PlatformHttp.Member(source, "text") == message.Text)
            {
                return Found(candidate);
            }
        }

        return null;

        static DeliveryOutcome Found(JsonElement status) =>
            DeliveryOutcome.Sent(PlatformHttp.Member(status, "id")!, PlatformHttp.Member(status, "url"), 200);
    }

    /// <summary>How many of the account's latest statuses are searched (Mastodon's maximum page size).</summary>
    private const int ReconcileStatusLimit = 40;

    private async Task<JsonElement> GetJsonAsync(ChannelEndpoint channel, string token, string path, CancellationToken cancellationToken) =>
        await PlatformHttp.ReadAsync(Platform, async () =>
        {
            using var request = Authorized(HttpMethod.Get, channel, path, token);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            return response.IsSuccessStatusCode && body is { } json
                ? json
                : throw new PlatformUnavailableException($"Mastodon: {path.Split('?')[0]}: {PlatformHttp.Describe(response, PlatformHttp.Member(body, "error"))}");
        }, cancellationToken);

    /// <summary>
    /// Mentions of the account — replies to its statuses included — from its notifications
    /// (<c>GET /api/v1/notifications?types[]=mention&amp;since_id=…</c>, newest first, at most 40;
    /// https://docs.joinmastodon.org/methods/notifications/). The position is the newest notification id seen. A reply is
    /// answered with <c>in_reply_to_id</c> = the status id.
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The instance could not be read.</exception>
    public async Task<InboxBatch> ReadInboxAsync(ChannelEndpoint channel, string? position, IReadOnlyList<string> ownPosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var token = channel.Credentials.GetValueOrDefault("accessToken") ?? throw new PlatformUnavailableException("Mastodon: the channel has no 'accessToken' credential.");
        var path = "/api/v1/notifications?types[]=mention&limit=40" + (position is null ? "" : "&since_id=" + Uri.EscapeDataString(position));
        var notifications = await GetJsonAsync(channel, token, path, cancellationToken);
        var items = new List<InboundItem>();
        var newest = position;
        foreach (var notification in notifications.ValueKind == JsonValueKind.Array ? notifications.EnumerateArray() : default)
        {
            if (PlatformHttp.Member(notification, "id") is { } id && (newest is null || id.Length > newest.Length || (id.Length == newest.Length && string.CompareOrdinal(id, newest) > 0)))
            {
                newest = id;
            }

            if (!notification.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object || PlatformHttp.Member(status, "id") is not { } statusId)
            {
                continue;
            }

            var account = notification.TryGetProperty("account", out var found) ? found : default;
            var inReplyTo = PlatformHttp.Member(status, "in_reply_to_id");
            items.Add(new InboundItem(
                statusId,
                statusId,
                inReplyTo is null ? "mention" : "reply",
                inReplyTo,
                "@" + (PlatformHttp.Member(account, "acct") ?? "?"),
                PlatformHttp.Member(account, "display_name"),
                WebUtility.HtmlDecode(Tags().Replace((PlatformHttp.Member(status, "content") ?? "").Replace("</p><p>", "\n\n", StringComparison.Ordinal).Replace("<br>", "\n", StringComparison.Ordinal), "")).Trim(),
                PlatformHttp.Member(status, "url"),
                DateTimeOffset.TryParse(PlatformHttp.Member(status, "created_at"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : time.GetUtcNow()));
        }

        return new InboxBatch(items, newest);
    }

    /// <inheritdoc />
    public string Action => InboxModeration.Report;

    /// <summary>
    /// Reports a status to the instance's moderators (https://docs.joinmastodon.org/methods/reports/): its account is read
    /// first (<c>GET /api/v1/statuses/:id</c> → <c>account.id</c>), then <c>POST /api/v1/reports</c> with <c>account_id</c>,
    /// <c>status_ids</c>, <c>comment</c> (the reason, at most 1,000 characters), <c>category=other</c> and <c>forward=true</c>
    /// (a copy goes to the author's own instance when it is another one). Needs the scope <c>write:reports</c>.
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The instance refused (in its words) or could not be reached.</exception>
    public async Task ModerateAsync(ChannelEndpoint channel, string platformItemId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var token = channel.Credentials.GetValueOrDefault("accessToken") ?? throw new PlatformUnavailableException("Mastodon: the channel has no 'accessToken' credential.");
        var status = await GetJsonAsync(channel, token, "/api/v1/statuses/" + Uri.EscapeDataString(platformItemId), cancellationToken);
        var accountId = status.TryGetProperty("account", out var account) ? PlatformHttp.Member(account, "id") : null;
        if (accountId is null)
        {
            throw new PlatformUnavailableException("Mastodon: the status has no account to report.");
        }

        await PlatformHttp.ReadAsync(Platform, async () =>
        {
            using var request = Authorized(HttpMethod.Post, channel, "/api/v1/reports", token);
            request.Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["account_id"] = accountId,
                ["status_ids"] = new[] { platformItemId },
                ["comment"] = reason is { Length: > 1000 } ? reason[..1000] : reason ?? "",
                ["category"] = "other",
                ["forward"] = true,
            });
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            return response.IsSuccessStatusCode
                ? body
                : throw new PlatformUnavailableException($"Mastodon: /api/v1/reports: {PlatformHttp.Describe(response, PlatformHttp.Member(body, "error"))}");
        }, cancellationToken);
    }

    private static string WithoutWhiteSpace(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    /// <summary>
    /// Favourites, boosts and replies of a status (<c>GET /api/v1/statuses/:id</c>: <c>favourites_count</c>,
    /// <c>reblogs_count</c>, <c>replies_count</c>); null when the status is gone (404).
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The instance could not be asked or refused.</exception>
    public async Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return await PlatformHttp.ReadAsync<Engagement?>(Platform, async () =>
        {
            var token = PlatformHttp.Credential(channel, "accessToken");
            using var request = Authorized(HttpMethod.Get, channel, "/api/v1/statuses/" + Uri.EscapeDataString(platformId), token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode || body is not { ValueKind: JsonValueKind.Object } status)
            {
                throw new PlatformUnavailableException($"Mastodon: {PlatformHttp.Describe(response, PlatformHttp.Member(body, "error"))}");
            }

            return new Engagement(
                PlatformHttp.Count(status, "favourites_count"),
                PlatformHttp.Count(status, "reblogs_count"),
                PlatformHttp.Count(status, "replies_count"),
                time.GetUtcNow());
        }, cancellationToken);
    }

    /// <summary>
    /// Retracts a published status (<c>DELETE /api/v1/statuses/:id</c>,
    /// https://docs.joinmastodon.org/methods/statuses/#delete). Sent when it is deleted or was already gone
    /// (404); otherwise as for <see cref="SendAsync"/>. Repeating it is harmless.
    /// </summary>
    public async Task<DeliveryOutcome> DeleteAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return await PlatformHttp.AttemptAsync(Platform, options.Value.CircuitBreakerBreakDuration, async () =>
        {
            var token = PlatformHttp.Credential(channel, "accessToken");
            using var request = Authorized(HttpMethod.Delete, channel, "/api/v1/statuses/" + Uri.EscapeDataString(platformId), token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
            {
                return DeliveryOutcome.Sent(platformId, null, (int)response.StatusCode);
            }

            return await ErrorAsync(response, await PlatformHttp.ReadJsonAsync(response, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    private async Task<string> UploadAsync(ChannelEndpoint channel, string token, OutboundMedia media, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, channel, "/api/v2/media", token);
        var file = new ByteArrayContent(media.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(media.ContentType);
        var form = new MultipartFormDataContent { { file, "file", media.FileName } };
        if (!string.IsNullOrWhiteSpace(media.AltText))
        {
            form.Add(new StringContent(media.AltText), "description");
        }

        request.Content = form;
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var refused = await ErrorAsync(response, body, cancellationToken);
            throw new DeliveryOutcomeException(refused with { Error = $"Image {media.FileName}: {refused.Error}" });
        }

        var id = PlatformHttp.Member(body, "id")
            ?? throw new DeliveryOutcomeException(DeliveryOutcome.Retry($"Mastodon answered the upload of {media.FileName} without a media id.", status: (int)response.StatusCode));
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            await WaitUntilProcessedAsync(channel, token, id, media.FileName, cancellationToken);
        }

        return id;
    }

    private async Task WaitUntilProcessedAsync(ChannelEndpoint channel, string token, string mediaId, string fileName, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var deadline = time.GetUtcNow() + settings.MediaProcessingTimeout;
        while (true)
        {
            await Task.Delay(settings.MediaPollInterval, time, cancellationToken);
            using var request = Authorized(HttpMethod.Get, channel, "/api/v1/media/" + Uri.EscapeDataString(mediaId), token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (response.StatusCode != HttpStatusCode.PartialContent)
            {
                var refused = await ErrorAsync(response, await PlatformHttp.ReadJsonAsync(response, cancellationToken), cancellationToken);
                throw new DeliveryOutcomeException(refused with { Error = $"Image {fileName}: {refused.Error}" });
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new DeliveryOutcomeException(DeliveryOutcome.Retry($"Mastodon was still processing image {fileName} after {settings.MediaProcessingTimeout}.", status: 206));
            }
        }
    }

    private async Task<DeliveryOutcome> ErrorAsync(HttpResponseMessage response, JsonElement? body, CancellationToken cancellationToken)
    {
        var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests
            ? await PlatformRetryAfter.ReadAsync(response, time, cancellationToken)
            : null;
        return PlatformHttp.ForErrorStatus(response, "Mastodon: " + PlatformHttp.Describe(response, PlatformHttp.Member(body, "error")), retryAfter);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, ChannelEndpoint channel, string path, string token)
    {
        var request = PlatformHttp.Request(method, PlatformHttp.Under(channel.Address, path), channel);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
