namespace Egov.Modules.Announcements.Features.ListAnnouncements;

/// <summary>An announcement as listed publicly: compact, for feeds and the mobile app.</summary>
/// <param name="Id">Announcement id.</param>
/// <param name="Kind">News, OfficialNotice, Event or Alert.</param>
/// <param name="Title">German title.</param>
/// <param name="Summary">German summary, plain text.</param>
/// <param name="Categories">Category codes.</param>
/// <param name="PublishedAt">When it became public (UTC, ISO 8601).</param>
internal sealed record AnnouncementSummary(
    Guid Id, string Kind, string Title, string Summary, IReadOnlyList<string> Categories, DateTimeOffset PublishedAt);
