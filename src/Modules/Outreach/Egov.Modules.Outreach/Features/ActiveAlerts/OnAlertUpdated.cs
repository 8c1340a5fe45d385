using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Persistence;

namespace Egov.Modules.Outreach.Features.ActiveAlerts;

/// <summary>An update is in force; the alerts it updates are not.</summary>
internal sealed class AlertUpdatedActiveAlertHandler(OutreachDbContext db, TimeProvider time) : ActiveAlertReaction<AlertUpdatedIntegrationEvent>(db, time)
{
    protected override ValueTask HandleAsync(AlertUpdatedIntegrationEvent notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.AlertId, notification.Headline, notification.Severity, notification.OccurredAt, notification.Expires, notification.Updates, cancellationToken);
}
