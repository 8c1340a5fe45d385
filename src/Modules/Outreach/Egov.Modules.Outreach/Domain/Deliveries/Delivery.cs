using System.Globalization;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Outreach.Domain.Deliveries;

/// <summary>
/// One post variant on one channel (Zustellung): due at a time, claimed by one worker at a time,
/// attempted until sent, refused for good, or out of attempts. Records the platform's id and URL
/// or the last error. Its idempotency key never changes, so every attempt is the same request to
/// the platform.
/// </summary>
internal sealed class Delivery : ILeasedRow
{
    private Delivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid PostId { get; private set; }

    public Guid VariantId { get; private set; }

    public Guid ChannelId { get; private set; }

    /// <summary>The channel's kind at creation (for metrics and the report).</summary>
    public string ChannelKind { get; private set; } = "";

    public bool Crisis { get; private set; }

    public DeliveryStatus Status { get; private set; }

    /// <summary>When the next attempt may start (UTC).</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>The worker holding the delivery: the delivery engine while Sending, or the retention job about to delete a final one.</summary>
    public string? LockOwner { get; private set; }

    /// <summary>Until when the worker's claim holds (UTC); after that another worker may repeat the attempt (or take the deletion over).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>Stable across attempts: Mastodon <c>Idempotency-Key</c>, Bluesky record key seed, webhook delivery id.</summary>
    public string IdempotencyKey { get; private set; } = "";

    /// <summary>Platform id of the post to answer in its thread (alert follow-ups), or null.</summary>
    public string? ReplyTo { get; private set; }

    public string? PlatformId { get; private set; }

    /// <summary>
    /// A step of publishing recorded by an attempt as soon as the platform answered it (Instagram/Threads container id),
    /// for the next attempt to continue from; null until then. Written directly by the engine, not through this entity.
    /// </summary>
    public string? Checkpoint { get; private set; }

    public string? Url { get; private set; }

    public string? LastError { get; private set; }

    public int? LastHttpStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int? Favourites { get; private set; }

    public int? Boosts { get; private set; }

    public int? Replies { get; private set; }

    public DateTimeOffset? EngagementReadAt { get; private set; }

    public bool IsFinal => Status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Uncertain or DeliveryStatus.Cancelled;

    public static Delivery Create(Guid postId, Guid variantId, Guid channelId, string channelKind, bool crisis, string? replyTo, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new Delivery
        {
            Id = id,
            PostId = postId,
            VariantId = variantId,
            ChannelId = channelId,
            ChannelKind = channelKind,
            Crisis = crisis,
            Status = DeliveryStatus.Pending,
            DueAt = dueAt,
            IdempotencyKey = id.ToString("N", CultureInfo.InvariantCulture),
            ReplyTo = replyTo,
            CreatedAt = now,
        };
    }

    /// <summary>Claims the delivery for one attempt by <paramref name="worker"/> until <paramref name="leaseUntil"/>.</summary>
    public void Claim(string worker, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        Status = DeliveryStatus.Sending;
        LockOwner = worker;
        LockedUntil = leaseUntil;
        Attempts++;
        LastAttemptAt = now;
    }

    public void MarkSent(string? platformId, string? url, int? httpStatus, DateTimeOffset now)
    {
        Status = DeliveryStatus.Sent;
        PlatformId = platformId;
        Url = url;
        LastHttpStatus = httpStatus;
        LastError = null;
        SentAt = now;
        Release();
    }

    /// <summary>Another attempt at <paramref name="nextAttemptAt"/>, or Failed when <paramref name="maxAttempts"/> are used up.</summary>
    public void ScheduleRetry(string error, int? httpStatus, DateTimeOffset nextAttemptAt, int maxAttempts)
    {
        LastError = error;
        LastHttpStatus = httpStatus;
        if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            LastError = $"Gave up after {Attempts} attempts: {error}";
        }
        else
        {
            Status = DeliveryStatus.Pending;
            DueAt = nextAttemptAt;
        }

        Release();
    }

    public void MarkFailed(string error, int? httpStatus)
    {
        Status = DeliveryStatus.Failed;
        LastError = error;
        LastHttpStatus = httpStatus;
        Release();
    }

    /// <summary>The platform may have published it; <paramref name="platformId"/> keeps what is known to be out (e.g. the first parts of a split Telegram message).</summary>
    public void MarkUncertain(string error, int? httpStatus, string? platformId)
    {
        Status = DeliveryStatus.Uncertain;
        PlatformId = platformId ?? PlatformId;
        LastError = error;
        LastHttpStatus = httpStatus;
        Release();
    }

    /// <summary>A person asks for another attempt (after Failed or Uncertain), now.</summary>
    public void RetryManually(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        DueAt = now;
        Attempts = 0;
    }

    /// <summary>A person checked an uncertain delivery on the platform and found it published.</summary>
    public void ConfirmSent(string? url, DateTimeOffset now)
    {
        Status = DeliveryStatus.Sent;
        Url = url ?? Url;
        SentAt = now;
    }

    public void Cancel()
    {
        Status = DeliveryStatus.Cancelled;
        Release();
    }

    public void RecordEngagement(int favourites, int boosts, int replies, DateTimeOffset readAt)
    {
        Favourites = favourites;
        Boosts = boosts;
        Replies = replies;
        EngagementReadAt = readAt;
    }

    private void Release()
    {
        LockOwner = null;
        LockedUntil = null;
    }
}
