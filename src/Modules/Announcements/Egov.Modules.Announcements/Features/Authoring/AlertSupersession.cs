using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>
/// When an Update or Cancel goes public — published now or by the scheduler — the alerts it
/// references stop being active (CAP 1.2 §3.2.1 msgType: Update supersedes, Cancel withdraws).
/// </summary>
internal static class AlertSupersession
{
    /// <summary>Marks the alerts referenced by <paramref name="published"/> as superseded (tracked; the caller saves).</summary>
    public static async Task ApplyAsync(AnnouncementsDbContext db, Announcement published, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (published.Content.Alert is not { References.Count: > 0 } alert)
        {
            return;
        }

        var references = alert.References.ToList();
        foreach (var referenced in await db.Announcements.Where(a => references.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            referenced.SupersedeBy(published.Id, now);
        }
    }
}
