using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Persistence;

namespace Egov.Modules.Outreach.Features.ActiveAlerts;

/// <summary>An issued alert is in force.</summary>
internal sealed class AlertIssuedActiveAlertHandler(OutreachDbContext db, TimeProvider time) : ActiveAlertReaction<AlertIssuedIntegrationEvent>(db, time)
{
    protected override ValueTask HandleAsync(AlertIssuedIntegrationEvent notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.AlertId, notification.Headline, notification.Severity, notification.OccurredAt, notification.Expires, [], cancellationToken);
}
