using Egov.SharedKernel.Work;

namespace Egov.Modules.Mobile.Domain.Push;

/// <summary>
/// One notification to fan out to its audience, written by an event handler in the same save as
/// the handler's inbox mark, and worked off by the push fan-out in batches of devices ordered by
/// id. <see cref="Cursor"/> keeps the last device done, so a host that dies mid-way resumes there
/// instead of pushing everything twice; a lease (<see cref="LockedUntil"/>) keeps other instances off.
/// </summary>
internal sealed class PushJob : ILeasedRow
{
    public Guid Id { get; init; }

    /// <summary>The integration event the job comes from.</summary>
    public Guid SourceEventId { get; init; }

    /// <summary>What the notification is about: <c>alert</c>, <c>alert-cancelled</c>, <c>announcement</c>, <c>application-status</c>.</summary>
    public required string Type { get; init; }

    public PushAudienceKind Audience { get; init; }

    /// <summary>The lane: alert jobs are claimed before routine ones, by a worker loop of their own.</summary>
    public PushPriority Priority { get; init; }

    /// <summary>Alert jobs: the alert (Announcements' id) the notification is about, for its reach; null otherwise.</summary>
    public Guid? AlertId { get; init; }

    /// <summary>Alert jobs: the alert's severity; devices with this threshold or lower get it.</summary>
    public int? SeverityRank { get; init; }

    /// <summary>Alert jobs: the alert's regional keys (ARS/AGS); empty for the whole city.</summary>
    public List<string> RegionalKeys { get; init; } = [];

    /// <summary>Category jobs: the announcement's categories.</summary>
    public List<string> Categories { get; init; } = [];

    /// <summary>Subject jobs: OIDC <c>sub</c> of the citizen.</summary>
    public string? Subject { get; init; }

    /// <summary>The notification as JSON, in German.</summary>
    public required string PayloadDe { get; init; }

    /// <summary>The notification as JSON, in English.</summary>
    public required string PayloadEn { get; init; }

    public PushUrgency Urgency { get; init; }

    /// <summary>How long push services keep the message for an offline device (seconds; Web Push <c>TTL</c>).</summary>
    public int TimeToLiveSeconds { get; init; }

    /// <summary>Replaces a still undelivered message of the same topic at the push service (Web Push <c>Topic</c>, APNs collapse id); at most 32 base64url characters.</summary>
    public string? Topic { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Id of the last device pushed to (devices are taken in id order); a shard's exclusive lower bound.</summary>
    public Guid? Cursor { get; set; }

    /// <summary>
    /// A shard's last device id (inclusive): the job covers the devices after <see cref="Cursor"/> up to
    /// this one, and a job of the same notification covers those after it. Null: no upper bound.
    /// </summary>
    public Guid? UpTo { get; set; }

    /// <summary>The instance (lane owner) that completed the job: which host fanned out which shard.</summary>
    public string? CompletedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public string? LockOwner { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Pushes accepted by the push services.</summary>
    public int Sent { get; set; }

    /// <summary>Pushes given up (after retries, or refused for good).</summary>
    public int Failed { get; set; }

    /// <summary>Registrations removed because the push service said they are gone (404, 410).</summary>
    public int Pruned { get; set; }

    /// <summary>
    /// The rest of this job's audience, the devices after <paramref name="boundary"/>, as a job of its
    /// own (same notification, same queue position) for another lane or instance to claim.
    /// </summary>
    public PushJob RemainderAfter(Guid boundary, Guid id) => new()
    {
        Id = id,
        SourceEventId = SourceEventId,
        Type = Type,
        Audience = Audience,
        Priority = Priority,
        AlertId = AlertId,
        SeverityRank = SeverityRank,
        RegionalKeys = [.. RegionalKeys],
        Categories = [.. Categories],
        Subject = Subject,
        PayloadDe = PayloadDe,
        PayloadEn = PayloadEn,
        Urgency = Urgency,
        TimeToLiveSeconds = TimeToLiveSeconds,
        Topic = Topic,
        CreatedAt = CreatedAt,
        Cursor = boundary,
        UpTo = UpTo,
    };

    /// <summary>The payload for a device's language.</summary>
    public string PayloadFor(string language) => language == "en" ? PayloadEn : PayloadDe;
}
