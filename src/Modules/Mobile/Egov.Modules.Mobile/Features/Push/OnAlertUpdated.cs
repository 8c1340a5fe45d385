using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>An alert was updated (CAP Update): pushed like a new alert, with the update's severity and area.</summary>
internal sealed class AlertUpdatedPushHandler(MobileDbContext db, PushJobs jobs, WorkSignal<PushFanOut> signal, TimeProvider time)
    : IntegrationEventHandler<AlertUpdatedIntegrationEvent, MobileDbContext>(db, time)
{
    // The inbox key since push was written (the class name then and now); kept when the class is renamed.
    protected override string InboxName => "AlertUpdatedPushHandler";

    protected override async ValueTask HandleAsync(AlertUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var job = jobs.Alert(integrationEvent.EventId, integrationEvent.AlertId, integrationEvent.Headline, integrationEvent.Severity, integrationEvent.AreaDescription, integrationEvent.RegionalKeys, integrationEvent.Expires, now);
        await Db.AddPushedAlertAsync(integrationEvent.AlertId, job.SeverityRank!.Value, now, cancellationToken);
        Db.PushJobs.Add(job);
        signal.NotifyAfterCommit(Db);
    }
}
