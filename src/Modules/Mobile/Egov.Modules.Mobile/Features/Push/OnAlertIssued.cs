using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Persistence;
using Mediator;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>An alert went public: a high-urgency push to every device subscribed to alerts of its severity in its area.</summary>
internal sealed class AlertIssuedPushHandler(MobileDbContext db, PushJobs jobs, PushSignal signal, TimeProvider time)
    : INotificationHandler<AlertIssuedIntegrationEvent>
{
    private const string HandlerName = nameof(AlertIssuedPushHandler);

    public async ValueTask Handle(AlertIssuedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (await db.HasProcessedAsync(notification.EventId, HandlerName, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var job = jobs.Alert(notification.EventId, notification.AlertId, notification.Headline, notification.Severity, notification.AreaDescription, notification.RegionalKeys, notification.Expires, now);
        await db.AddPushedAlertAsync(notification.AlertId, job.SeverityRank!.Value, now, cancellationToken);
        db.PushJobs.Add(job);
        db.MarkProcessed(notification.EventId, HandlerName, now);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
