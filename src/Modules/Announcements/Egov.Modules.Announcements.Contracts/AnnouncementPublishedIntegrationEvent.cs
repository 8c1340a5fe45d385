using Egov.SharedKernel.Outbox;

namespace Egov.Modules.Announcements.Contracts;

/// <summary>
/// An announcement became public (published now or at its scheduled time). Outreach uses it for
/// cross-posting, the mobile backend for pushes to devices subscribed to its categories.
/// Delivered at least once: handlers deduplicate on <see cref="EventId"/>.
/// </summary>
/// <param name="EventId">Unique id of this occurrence.</param>
/// <param name="OccurredAt">When it became public (UTC).</param>
/// <param name="AnnouncementId">Id of the announcement (<c>GET /api/v1/announcements/{id}</c>).</param>
/// <param name="Kind">One of <c>News</c>, <c>OfficialNotice</c>, <c>Event</c>, <c>Alert</c>.</param>
/// <param name="Title">German title (the required language variant).</param>
/// <param name="Categories">Category codes from the configured list, e.g. <c>traffic</c>, <c>waste</c>.</param>
/// <param name="Summary">German summary, plain text (for cross-posts and push texts); null from senders before it was added.</param>
/// <param name="Slug">URL name of the public page: <c>{PublicBaseAddress}announcements/{slug}</c>; null from senders before it was added.</param>
public sealed record AnnouncementPublishedIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AnnouncementId,
    string Kind,
    string Title,
    IReadOnlyList<string> Categories,
    string? Summary = null,
    string? Slug = null) : IIntegrationEvent;
