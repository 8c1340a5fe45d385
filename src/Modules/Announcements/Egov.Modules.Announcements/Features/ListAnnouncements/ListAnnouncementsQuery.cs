using Egov.SharedKernel.Paging;
using Mediator;

namespace Egov.Modules.Announcements.Features.ListAnnouncements;

/// <param name="Kind">Only this kind (case-insensitive), or all kinds when null.</param>
/// <param name="Cursor">Cursor of the page to read; null for the first.</param>
/// <param name="Limit">Page size, 1 to 100; null for 20.</param>
internal sealed record ListAnnouncementsQuery(string? Kind, string? Cursor, int? Limit)
    : IQuery<CursorPage<AnnouncementSummary>>;
