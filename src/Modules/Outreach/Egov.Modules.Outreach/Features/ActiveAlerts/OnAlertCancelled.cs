using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Persistence;

namespace Egov.Modules.Outreach.Features.ActiveAlerts;

/// <summary>The alerts a cancellation ends are no longer in force.</summary>
internal sealed class AlertCancelledActiveAlertHandler(OutreachDbContext db, TimeProvider time) : ActiveAlertReaction<AlertCancelledIntegrationEvent>(db, time)
{
    protected override ValueTask HandleAsync(AlertCancelledIntegrationEvent notification, CancellationToken cancellationToken) =>
        ApplyAsync(null, "", "", notification.OccurredAt, notification.OccurredAt, notification.Cancels, cancellationToken);
}
