using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// An all-clear (CAP Cancel): pushed at high urgency to the devices of the area whose threshold the
/// cancelled alerts reached — the highest severity among them that was pushed; when none of them
/// was pushed here, to every device subscribed to alerts in the area.
/// </summary>
internal sealed class AlertCancelledPushHandler(MobileDbContext db, PushJobs jobs, WorkSignal<PushFanOut> signal, TimeProvider time)
    : IntegrationEventHandler<AlertCancelledIntegrationEvent, MobileDbContext>(db, time)
{
    // The inbox key since push was written (the class name then and now); kept when the class is renamed.
    protected override string InboxName => "AlertCancelledPushHandler";

    protected override async ValueTask HandleAsync(AlertCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var cancels = integrationEvent.Cancels.ToList();
        var pushed = await Db.PushedAlerts.AsNoTracking().Where(a => cancels.Contains(a.AlertId)).Select(a => a.SeverityRank).ToListAsync(cancellationToken);
        Db.PushJobs.Add(jobs.AllClear(integrationEvent, pushed.Count > 0 ? pushed.Max() : (int)AlertSeverity.Minor, Time.GetUtcNow()));
        signal.NotifyAfterCommit(Db);
    }
}
