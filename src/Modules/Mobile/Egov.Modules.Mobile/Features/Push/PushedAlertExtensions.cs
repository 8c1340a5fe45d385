using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Persistence;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>Remembering pushed alerts for their all-clear.</summary>
internal static class PushedAlertExtensions
{
    /// <summary>Records (or updates) the alert's severity; stored by the next save.</summary>
    public static async Task AddPushedAlertAsync(this MobileDbContext db, Guid alertId, int severityRank, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.PushedAlerts.FindAsync([alertId], cancellationToken) is { } known)
        {
            known.SeverityRank = severityRank;
            known.PushedAt = now;
        }
        else
        {
            db.PushedAlerts.Add(new PushedAlert { AlertId = alertId, SeverityRank = severityRank, PushedAt = now });
        }
    }
}
