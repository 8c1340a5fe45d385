using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Reading;
using Mediator;

namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>
/// The newest public announcements for the RSS and Atom feeds: published and not expired (the rule
/// of the public list), newest publication first, at most <see cref="Limit"/>; each in
/// <paramref name="Language"/>, German where that variant is missing.
/// </summary>
/// <param name="Kind">Only this kind, or all.</param>
/// <param name="Category">Only announcements with this category code, or all.</param>
/// <param name="Language"><c>de</c>, <c>en</c> or <c>de-x-ls</c>.</param>
internal sealed record ListFeedAnnouncementsQuery(AnnouncementKind? Kind, string? Category, string Language) : IQuery<IReadOnlyList<AnnouncementDetail>>
{
    /// <summary>How many entries a feed holds.</summary>
    public const int Limit = 50;
}
