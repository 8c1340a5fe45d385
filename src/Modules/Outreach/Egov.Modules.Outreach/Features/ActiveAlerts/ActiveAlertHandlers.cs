using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Domain.Alerts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Inbox;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.ActiveAlerts;

/// <summary>
/// Keeps the list of crisis alerts in force from the Announcements module's events: issued and
/// updating alerts are added, the alerts an update or a cancellation supersedes are removed, and an
/// alert past its expiry no longer counts. Idempotent (the outbox delivers at least once).
/// </summary>
internal sealed class ActiveAlertHandlers(OutreachDbContext db, TimeProvider time) :
    IntegrationEventHandler<OutreachDbContext>(db, time),
    INotificationHandler<AlertIssuedIntegrationEvent>,
    INotificationHandler<AlertUpdatedIntegrationEvent>,
    INotificationHandler<AlertCancelledIntegrationEvent>
{
    /// <summary>The inbox key of the events handled so far: stays when the class is renamed or split.</summary>
    protected override string InboxName => "ActiveAlertHandlers";

    public ValueTask Handle(AlertIssuedIntegrationEvent notification, CancellationToken cancellationToken) =>
        HandleOnceAsync(notification, ct => ApplyAsync(notification.AlertId, notification.Headline, notification.Severity, notification.OccurredAt, notification.Expires, [], ct), cancellationToken);

    public ValueTask Handle(AlertUpdatedIntegrationEvent notification, CancellationToken cancellationToken) =>
        HandleOnceAsync(notification, ct => ApplyAsync(notification.AlertId, notification.Headline, notification.Severity, notification.OccurredAt, notification.Expires, notification.Updates, ct), cancellationToken);

    public ValueTask Handle(AlertCancelledIntegrationEvent notification, CancellationToken cancellationToken) =>
        HandleOnceAsync(notification, ct => ApplyAsync(null, "", "", notification.OccurredAt, notification.OccurredAt, notification.Cancels, ct), cancellationToken);

    private async ValueTask ApplyAsync(
        Guid? alertId, string headline, string severity, DateTimeOffset issuedAt, DateTimeOffset expires, IReadOnlyList<Guid> ended, CancellationToken cancellationToken)
    {
        var endedIds = ended.ToList();
        Db.ActiveAlerts.RemoveRange(await Db.ActiveAlerts.Where(a => endedIds.Contains(a.AlertId)).ToListAsync(cancellationToken));
        if (alertId is { } id && await Db.ActiveAlerts.FindAsync([id], cancellationToken) is null)
        {
            Db.ActiveAlerts.Add(new ActiveAlert { AlertId = id, Headline = headline, Severity = severity, IssuedAt = issuedAt, Expires = expires });
        }
    }
}
