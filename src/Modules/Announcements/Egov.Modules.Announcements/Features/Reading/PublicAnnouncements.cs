using Egov.Modules.Announcements.Domain;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Reading;

/// <summary>
/// The public rule shared by the list, the active alerts and the feeds: published and not past its
/// expiry (<c>expireAt</c>). Expired announcements stay readable by id or slug, but are not listed.
/// </summary>
internal static class PublicAnnouncements
{
    /// <summary>The announcements listed at <paramref name="now"/>, untracked.</summary>
    public static IQueryable<Announcement> Listed(this IQueryable<Announcement> announcements, DateTimeOffset now) =>
        announcements.AsNoTracking().Where(a => a.Status == AnnouncementStatus.Published && (a.ExpireAt == null || a.ExpireAt > now));
}
