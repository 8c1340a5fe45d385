using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// An announcement went public: a push to the devices subscribed to one of its categories. Alerts
/// are left out here: their publication also raises an alert event, which reaches devices by
/// severity and area instead (one push, not two).
/// </summary>
internal sealed class AnnouncementPublishedPushHandler(MobileDbContext db, PushJobs jobs, WorkSignal<PushFanOut> signal, TimeProvider time)
    : IntegrationEventHandler<AnnouncementPublishedIntegrationEvent, MobileDbContext>(db, time)
{
    // The inbox key since push was written (the class name then and now); kept when the class is renamed.
    protected override string InboxName => "AnnouncementPublishedPushHandler";

    protected override ValueTask HandleAsync(AnnouncementPublishedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.Kind != AnnouncementKinds.Alert && integrationEvent.Categories.Count > 0)
        {
            Db.PushJobs.Add(jobs.Announcement(integrationEvent, Time.GetUtcNow()));
            signal.NotifyAfterCommit(Db);
        }

        return ValueTask.CompletedTask;
    }
}
