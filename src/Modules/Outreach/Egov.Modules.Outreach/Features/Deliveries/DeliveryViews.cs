using Egov.Modules.Outreach.Domain.Deliveries;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>One delivery (post variant × channel) as the API shows it.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>status</c>: Pending, Sending, Sent, Failed, Uncertain (a person must check the platform), Cancelled.</item>
/// <item><c>platformId</c>/<c>url</c>: the platform's id and public URL once sent.</item>
/// <item><c>lastError</c>: the platform's own message of the last failed attempt.</item>
/// <item>Times are UTC.</item>
/// </list>
/// </remarks>
internal sealed record DeliveryView(
    Guid Id,
    Guid PostId,
    Guid ChannelId,
    string ChannelKind,
    string Status,
    bool Crisis,
    int Attempts,
    DateTimeOffset DueAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? SentAt,
    string? PlatformId,
    string? Url,
    string? LastError,
    int? LastHttpStatus,
    int? Favourites,
    int? Boosts,
    int? Replies)
{
    public static DeliveryView From(Delivery d) => new(
        d.Id, d.PostId, d.ChannelId, d.ChannelKind, d.Status.ToString(), d.Crisis, d.Attempts, d.DueAt, d.LastAttemptAt, d.SentAt,
        d.PlatformId, d.Url, d.LastError, d.LastHttpStatus, d.Favourites, d.Boosts, d.Replies);
}

/// <summary>How a channel did over a period: what the city needs to decide which channels earn their keep.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>deliveries</c>: attempted deliveries in the period; <c>sent</c>, <c>failed</c>, <c>uncertain</c> of them.</item>
/// <item><c>failureRate</c>: (failed + uncertain) / (sent + failed + uncertain), 0 to 1; null without finished deliveries.</item>
/// <item><c>medianLatencySeconds</c>: from due time to the platform's acceptance.</item>
/// <item><c>favourites</c>, <c>boosts</c>, <c>replies</c>: sums of the engagement last read (Mastodon favourites/boosts/replies, Bluesky likes/reposts/replies, Facebook reactions/shares/comments); null where the platform offers none.</item>
/// <item><c>posts</c>: distinct posts with a delivery to the channel in the period.</item>
/// <item><c>inboxItems</c>: citizens' items written in the period and still held (the inbox keeps them <c>Inbox:Retention</c>, 90 days); <c>inboxAnswered</c> of them answered.</item>
/// <item><c>medianResponseHours</c>: from a citizen's item to the platform's acceptance of the city's answer, in hours; null without an answer sent.</item>
/// <item><c>assessedOn</c>, <c>assessmentAgeDays</c>: the data-protection assessment's date and its age in days at the end of the period (Europe/Berlin dates); null without one.</item>
/// <item><c>retiredAt</c>: when the channel was retired, or null.</item>
/// </list>
/// </remarks>
internal sealed record ChannelReportRow(
    Guid ChannelId,
    string Name,
    string Kind,
    bool Enabled,
    int Deliveries,
    int Sent,
    int Failed,
    int Uncertain,
    double? FailureRate,
    double? MedianLatencySeconds,
    int? Favourites,
    int? Boosts,
    int? Replies,
    int Posts,
    int InboxItems,
    int InboxAnswered,
    double? MedianResponseHours,
    DateOnly? AssessedOn,
    int? AssessmentAgeDays,
    DateTimeOffset? RetiredAt);

/// <summary>The channel report for <c>from</c>..<c>to</c> (UTC).</summary>
internal sealed record ChannelReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ChannelReportRow> Channels);

/// <param name="Url">The post's URL on the platform, if the person found it.</param>
internal sealed record ConfirmDeliveryInput(string? Url);
