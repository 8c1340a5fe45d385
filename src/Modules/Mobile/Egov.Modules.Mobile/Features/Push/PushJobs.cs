using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>Turns the integration events into push jobs: audience, payload in German and English, urgency, TTL.</summary>
internal sealed class PushJobs(PushLinks links)
{
    /// <summary>Longest time a push service keeps any message for an offline device (FCM's limit, 28 days).</summary>
    public static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(28);

    /// <summary>How long an announcement is worth delivering late.</summary>
    public static readonly TimeSpan AnnouncementTimeToLive = TimeSpan.FromDays(1);

    /// <summary>How long a status notification is worth delivering late.</summary>
    public static readonly TimeSpan StatusTimeToLive = TimeSpan.FromDays(7);

    /// <summary>An alert (issued or updated) for the devices of its area and severity, at high urgency, kept until it expires.</summary>
    public PushJob Alert(Guid eventId, Guid alertId, string headline, string severity, string area, IReadOnlyList<string> regionalKeys, DateTimeOffset expires, DateTimeOffset now)
    {
        var content = new PushContent(PushTypes.Alert, alertId, PushTexts.Cut(headline, PushTexts.MaxTitleLength), NullIfEmpty(PushTexts.Cut(area, PushTexts.MaxBodyLength)), links.Alert(alertId), Severity: severity);
        var json = content.ToJson();
        return new PushJob
        {
            Id = Guid.CreateVersion7(now),
            SourceEventId = eventId,
            Type = PushTypes.Alert,
            Audience = PushAudienceKind.Alert,
            Priority = PushPriority.Alert,
            AlertId = alertId,
            SeverityRank = (int)AlertSeverities.FromCap(severity),
            RegionalKeys = [.. regionalKeys],
            PayloadDe = json,
            PayloadEn = json,
            Urgency = PushUrgency.High,
            TimeToLiveSeconds = Seconds(expires - now),
            Topic = TopicOf(alertId),
            CreatedAt = now,
        };
    }

    /// <summary>An all-clear for the devices that the cancelled alerts reached (<paramref name="severityRank"/>: the highest of them).</summary>
    public PushJob AllClear(AlertCancelledIntegrationEvent cancelled, int severityRank, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        string Json(string language) => new PushContent(
            PushTypes.AlertCancelled, cancelled.AlertId, PushTexts.AllClear(cancelled.Headline, language),
            NullIfEmpty(PushTexts.Cut(cancelled.AreaDescription, PushTexts.MaxBodyLength)), links.Alert(cancelled.AlertId)).ToJson();
        return new PushJob
        {
            Id = Guid.CreateVersion7(now),
            SourceEventId = cancelled.EventId,
            Type = PushTypes.AlertCancelled,
            Audience = PushAudienceKind.Alert,
            Priority = PushPriority.Alert,
            AlertId = cancelled.AlertId,
            SeverityRank = severityRank,
            RegionalKeys = [.. cancelled.RegionalKeys],
            PayloadDe = Json("de"),
            PayloadEn = Json("en"),
            Urgency = PushUrgency.High,
            TimeToLiveSeconds = Seconds(TimeSpan.FromDays(1)),
            Topic = TopicOf(cancelled.Cancels.Count == 1 ? cancelled.Cancels[0] : cancelled.AlertId),
            CreatedAt = now,
        };
    }

    /// <summary>A published announcement for the devices subscribed to one of its categories, at normal urgency (official notices) or low.</summary>
    public PushJob Announcement(AnnouncementPublishedIntegrationEvent published, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(published);
        var json = new PushContent(PushTypes.Announcement, published.AnnouncementId, PushTexts.Cut(published.Title, PushTexts.MaxTitleLength), null, links.Announcement(published.AnnouncementId)).ToJson();
        return new PushJob
        {
            Id = Guid.CreateVersion7(now),
            SourceEventId = published.EventId,
            Type = PushTypes.Announcement,
            Audience = PushAudienceKind.Category,
            Priority = PushPriority.Routine,
            Categories = [.. published.Categories.Distinct(StringComparer.Ordinal)],
            PayloadDe = json,
            PayloadEn = json,
            Urgency = published.Kind == AnnouncementKinds.OfficialNotice ? PushUrgency.Normal : PushUrgency.Low,
            TimeToLiveSeconds = Seconds(AnnouncementTimeToLive),
            Topic = TopicOf(published.AnnouncementId),
            CreatedAt = now,
        };
    }

    /// <summary>A status change for the applicant's devices: the status word and the link, nothing else.</summary>
    public PushJob Status(ApplicationStatusChangedIntegrationEvent changed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changed);
        string Json(string language) => new PushContent(
            PushTypes.ApplicationStatus, changed.ApplicationId, PushTexts.StatusTitle(changed.Status, language), PushTexts.StatusBody(language),
            links.Application(changed.ApplicationId), Status: changed.Status).ToJson();
        return new PushJob
        {
            Id = Guid.CreateVersion7(now),
            SourceEventId = changed.EventId,
            Type = PushTypes.ApplicationStatus,
            Audience = PushAudienceKind.Subject,
            Priority = PushPriority.Routine,
            Subject = changed.ApplicantSubject,
            PayloadDe = Json("de"),
            PayloadEn = Json("en"),
            Urgency = PushUrgency.Normal,
            TimeToLiveSeconds = Seconds(StatusTimeToLive),
            // The newest status replaces an older one still waiting at the push service.
            Topic = TopicOf(changed.ApplicationId),
            CreatedAt = now,
        };
    }

    /// <summary>A Web Push <c>Topic</c> (RFC 8030 §5.4: at most 32 characters of the base64url alphabet): the id's 32 hex digits.</summary>
    private static string TopicOf(Guid id) => id.ToString("N");

    private static int Seconds(TimeSpan ttl) =>
        (int)Math.Clamp(ttl.TotalSeconds, 0, MaxTimeToLive.TotalSeconds);

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
