using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// An all-clear (CAP Cancel): pushed at high urgency to the devices of the area whose threshold the
/// cancelled alerts reached — the highest severity among them that was pushed; when none of them
/// was pushed here, to every device subscribed to alerts in the area.
/// </summary>
internal sealed class AlertCancelledPushHandler(MobileDbContext db, PushJobs jobs, PushSignal signal, TimeProvider time)
    : INotificationHandler<AlertCancelledIntegrationEvent>
{
    private const string HandlerName = nameof(AlertCancelledPushHandler);

    public async ValueTask Handle(AlertCancelledIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (await db.HasProcessedAsync(notification.EventId, HandlerName, cancellationToken))
        {
            return;
        }

        var cancels = notification.Cancels.ToList();
        var pushed = await db.PushedAlerts.AsNoTracking().Where(a => cancels.Contains(a.AlertId)).Select(a => a.SeverityRank).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.PushJobs.Add(jobs.AllClear(notification, pushed.Count > 0 ? pushed.Max() : (int)AlertSeverity.Minor, now));
        db.MarkProcessed(notification.EventId, HandlerName, now);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
