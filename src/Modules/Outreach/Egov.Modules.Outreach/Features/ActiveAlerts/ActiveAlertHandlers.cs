using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Domain.Alerts;
using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.ActiveAlerts;

/// <summary>
/// Keeps the list of crisis alerts in force from the Announcements module's events: issued and
/// updating alerts are added, the alerts an update or a cancellation supersedes are removed, and an
/// alert past its expiry no longer counts. Idempotent (the outbox delivers at least once).
/// </summary>
internal sealed class ActiveAlertHandlers(OutreachDbContext db, TimeProvider time) :
    INotificationHandler<AlertIssuedIntegrationEvent>,
    INotificationHandler<AlertUpdatedIntegrationEvent>,
    INotificationHandler<AlertCancelledIntegrationEvent>
{
    private const string HandlerName = nameof(ActiveAlertHandlers);

    public ValueTask Handle(AlertIssuedIntegrationEvent notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, notification.AlertId, notification.Headline, notification.Severity, notification.OccurredAt, notification.Expires, [], cancellationToken);

    public ValueTask Handle(AlertUpdatedIntegrationEvent notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, notification.AlertId, notification.Headline, notification.Severity, notification.OccurredAt, notification.Expires, notification.Updates, cancellationToken);

    public ValueTask Handle(AlertCancelledIntegrationEvent notification, CancellationToken cancellationToken) =>
        ApplyAsync(notification.EventId, null, "", "", notification.OccurredAt, notification.OccurredAt, notification.Cancels, cancellationToken);

    private async ValueTask ApplyAsync(
        Guid eventId, Guid? alertId, string headline, string severity, DateTimeOffset issuedAt, DateTimeOffset expires, IReadOnlyList<Guid> ended, CancellationToken cancellationToken)
    {
        if (await db.HasProcessedAsync(eventId, HandlerName, cancellationToken))
        {
            return;
        }

        var endedIds = ended.ToList();
        db.ActiveAlerts.RemoveRange(await db.ActiveAlerts.Where(a => endedIds.Contains(a.AlertId)).ToListAsync(cancellationToken));
        if (alertId is { } id && await db.ActiveAlerts.FindAsync([id], cancellationToken) is null)
        {
            db.ActiveAlerts.Add(new ActiveAlert { AlertId = id, Headline = headline, Severity = severity, IssuedAt = issuedAt, Expires = expires });
        }

        db.MarkProcessed(eventId, HandlerName, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
