namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// Speaks one platform's protocol (Mastodon, Telegram, Bluesky, signed webhook). The delivery
/// engine calls it once per attempt; the adapter never retries across attempts itself beyond what
/// its HTTP resilience pipeline does within one attempt, and it must keep a repeated attempt of the
/// same delivery from publishing twice where the platform allows (Mastodon: the same
/// <c>Idempotency-Key</c>; Bluesky: the same record key, looked up first; webhook: the same
/// delivery id for the receiver to deduplicate).
/// </summary>
internal interface IChannelAdapter
{
    /// <summary>The channel kind served, one of <see cref="Contracts.OutreachChannelKinds"/>.</summary>
    string Kind { get; }

    /// <summary>Publishes <paramref name="message"/> on its channel.</summary>
    /// <returns>What happened; never throws for a platform's answer (only for cancellation).</returns>
    Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Engagement of a published post (favourites, boosts, replies), or null where the platform offers none.</summary>
    Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken);
}

/// <summary>A channel as the adapters need it, with its credentials decrypted (never logged).</summary>
/// <param name="ChannelId">The channel's id.</param>
/// <param name="Kind">One of <see cref="Contracts.OutreachChannelKinds"/>.</param>
/// <param name="Name">Display name, for logs and metrics.</param>
/// <param name="Address">Mastodon instance / Bluesky PDS base URL, Telegram chat id, webhook URL.</param>
/// <param name="Account">Mastodon or Bluesky handle.</param>
/// <param name="Credentials">Mastodon <c>accessToken</c>; Telegram <c>botToken</c>; Bluesky <c>identifier</c>, <c>appPassword</c>; webhook <c>secret</c>.</param>
internal sealed record ChannelEndpoint(Guid ChannelId, string Kind, string Name, string? Address, string? Account, IReadOnlyDictionary<string, string> Credentials);

/// <summary>One delivery attempt's content.</summary>
/// <param name="DeliveryId">The delivery (one per post variant and channel); stable across attempts.</param>
/// <param name="IdempotencyKey">Stable across every attempt of this delivery (Mastodon <c>Idempotency-Key</c>, Bluesky record key seed, webhook delivery id).</param>
/// <param name="Channel">Where to.</param>
/// <param name="Text">The exact text (<see cref="Engines.TextRules.OutboundText.Compose"/>): for Telegram still unescaped.</param>
/// <param name="Link">The variant's link (also inside <paramref name="Text"/>), for link facets and previews.</param>
/// <param name="Language">BCP 47 tag, e.g. <c>de</c>.</param>
/// <param name="ContentWarning">Mastodon spoiler text, or null.</param>
/// <param name="Media">Images with alt text, in order.</param>
/// <param name="ReplyTo">Platform id of an earlier post of this channel to answer in its thread (alert updates), as an earlier <see cref="DeliveryOutcome.PlatformId"/> gave it; null for a new thread.</param>
/// <param name="Attempt">1 for the first attempt; above 1 an earlier attempt may have reached the platform.</param>
/// <param name="Crisis">A crisis post (webhook payloads and push carry it; adapters may use it for urgency).</param>
internal sealed record OutboundMessage(
    Guid DeliveryId,
    string IdempotencyKey,
    ChannelEndpoint Channel,
    string Text,
    string? Link,
    string Language,
    string? ContentWarning,
    IReadOnlyList<OutboundMedia> Media,
    string? ReplyTo,
    int Attempt,
    bool Crisis)
{
    /// <summary>
    /// What an earlier attempt of this delivery recorded with <see cref="SaveCheckpoint"/> (e.g. Instagram's or Threads'
    /// container id), or null. Platforms without idempotency publish in steps; the step's id recorded at once lets the
    /// next attempt continue (publish the same container, or find it published) instead of starting again.
    /// </summary>
    public string? Checkpoint { get; init; }

    /// <summary>
    /// Records a checkpoint of this delivery at once, in its own write, before the next request goes out (the engine
    /// writes it to the delivery while this attempt holds it). Default: records nothing (adapter tests pass their own).
    /// </summary>
    public Func<string, CancellationToken, Task> SaveCheckpoint { get; init; } = static (_, _) => Task.CompletedTask;
}

/// <summary>An image to upload with its alt text.</summary>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="ContentType">Its media type, e.g. <c>image/png</c>.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="AltText">Its alt text, or null.</param>
/// <param name="MediaId">Its id in Egov (<c>post_media.id</c>), for platforms that fetch images from a public URL (Instagram, Threads); null where unknown.</param>
internal sealed record OutboundMedia(string FileName, string ContentType, byte[] Content, string? AltText, Guid? MediaId = null);

/// <summary>How an attempt ended.</summary>
internal enum DeliveryOutcomeKind
{
    /// <summary>The platform has the post (now or from an earlier attempt found again).</summary>
    Sent,

    /// <summary>Not published; trying again later is safe and may succeed (5xx, timeout, 429, circuit open).</summary>
    Retry,

    /// <summary>The platform refused it for good (4xx such as Mastodon's 422, bad credentials): no further attempt.</summary>
    Failed,

    /// <summary>
    /// The platform may or may not have published it and offers no way to find out or to repeat
    /// safely (Telegram after a timeout): a person must look, so the engine does not retry on its own.
    /// </summary>
    Uncertain,
}

/// <summary>The result of one attempt.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="PlatformId">The platform's id of the post (Mastodon status id, Telegram <c>chat_id:message_id</c>, Bluesky <c>at://</c> URI and CID, webhook receiver's id if any); the adapter alone interprets it later (replies, engagement).</param>
/// <param name="Url">Public URL of the post, where there is one.</param>
/// <param name="Error">The platform's own message on failure (e.g. Mastodon's <c>error</c>), for the people who read the delivery.</param>
/// <param name="RetryAfter">How long to wait before the next attempt (the platform's <c>Retry-After</c> or <c>retry_after</c>), when it said.</param>
/// <param name="HttpStatus">The last HTTP status seen, if any.</param>
internal sealed record DeliveryOutcome(DeliveryOutcomeKind Kind, string? PlatformId, string? Url, string? Error, TimeSpan? RetryAfter, int? HttpStatus)
{
    public static DeliveryOutcome Sent(string platformId, string? url, int? status = null) => new(DeliveryOutcomeKind.Sent, platformId, url, null, null, status);

    public static DeliveryOutcome Retry(string error, TimeSpan? retryAfter = null, int? status = null) => new(DeliveryOutcomeKind.Retry, null, null, error, retryAfter, status);

    public static DeliveryOutcome Failed(string error, int? status = null) => new(DeliveryOutcomeKind.Failed, null, null, error, null, status);

    public static DeliveryOutcome Uncertain(string error, int? status = null) => new(DeliveryOutcomeKind.Uncertain, null, null, error, null, status);
}

/// <summary>Reach signals of one published post, as the platform counts them.</summary>
internal sealed record Engagement(int Favourites, int Boosts, int Replies, DateTimeOffset ReadAt);
