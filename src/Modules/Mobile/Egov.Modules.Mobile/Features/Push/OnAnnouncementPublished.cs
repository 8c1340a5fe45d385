using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Persistence;
using Mediator;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// An announcement went public: a push to the devices subscribed to one of its categories. Alerts
/// are left out here: their publication also raises an alert event, which reaches devices by
/// severity and area instead (one push, not two).
/// </summary>
internal sealed class AnnouncementPublishedPushHandler(MobileDbContext db, PushJobs jobs, PushSignal signal, TimeProvider time)
    : INotificationHandler<AnnouncementPublishedIntegrationEvent>
{
    private const string HandlerName = nameof(AnnouncementPublishedPushHandler);

    public async ValueTask Handle(AnnouncementPublishedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (notification.Kind == AnnouncementKinds.Alert || notification.Categories.Count == 0
            || await db.HasProcessedAsync(notification.EventId, HandlerName, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        db.PushJobs.Add(jobs.Announcement(notification, now));
        db.MarkProcessed(notification.EventId, HandlerName, now);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
