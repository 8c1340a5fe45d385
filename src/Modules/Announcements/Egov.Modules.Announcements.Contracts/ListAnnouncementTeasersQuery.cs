using Mediator;

namespace Egov.Modules.Announcements.Contracts;

/// <summary>
/// Cross-module query: the public announcements as teasers — the same list as
/// <c>GET /api/v1/announcements</c> (published and not past their expiry, newest publication first),
/// first page only. The portal's home page and search show them.
/// </summary>
/// <param name="Kind">Only this kind (one of <see cref="AnnouncementKinds"/>, ordinal); null for all kinds.</param>
/// <param name="Language">
/// The variant to show: <c>de</c>, <c>en</c> or <c>de-x-ls</c> (plain language); the German variant where
/// an announcement has none in this language. Another value is refused (400, field <c>lang</c>).
/// </param>
/// <param name="Search">
/// Full-text search, at most 200 characters (400, field <c>q</c>, when longer): PostgreSQL German text
/// search with stemming ("Parkausweise" finds "Parkausweis"), a plain substring on SQLite. Null or
/// blank: no search.
/// </param>
/// <param name="Limit">How many teasers at most, 1 to 100 (400, field <c>limit</c>, otherwise).</param>
public sealed record ListAnnouncementTeasersQuery(string? Kind, string Language, string? Search, int Limit)
    : IQuery<IReadOnlyList<AnnouncementTeaser>>;

/// <summary>One public announcement as a teaser links to it.</summary>
/// <param name="Slug">URL name: the public page is <c>/announcements/{Slug}</c>.</param>
/// <param name="Kind">One of <see cref="AnnouncementKinds"/>.</param>
/// <param name="Language">The language of <paramref name="Title"/> and <paramref name="Summary"/> (BCP 47: <c>de</c>, <c>en</c>, <c>de-x-ls</c>).</param>
/// <param name="Title">Title, plain text.</param>
/// <param name="Summary">Summary, plain text.</param>
/// <param name="PublishedAt">When it became public (UTC; a page shows it in Europe/Berlin).</param>
/// <param name="UpdatedAt">When it was last corrected (UTC), or null when never.</param>
public sealed record AnnouncementTeaser(
    string Slug, string Kind, string Language, string Title, string Summary, DateTimeOffset PublishedAt, DateTimeOffset? UpdatedAt);
