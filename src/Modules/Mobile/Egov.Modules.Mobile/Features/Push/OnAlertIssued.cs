using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>An alert went public: a high-urgency push to every device subscribed to alerts of its severity in its area.</summary>
internal sealed class AlertIssuedPushHandler(MobileDbContext db, PushJobs jobs, WorkSignal<PushFanOut> signal, TimeProvider time)
    : IntegrationEventHandler<AlertIssuedIntegrationEvent, MobileDbContext>(db, time)
{
    // The inbox key since push was written (the class name then and now); kept when the class is renamed.
    protected override string InboxName => "AlertIssuedPushHandler";

    protected override async ValueTask HandleAsync(AlertIssuedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var job = jobs.Alert(integrationEvent.EventId, integrationEvent.AlertId, integrationEvent.Headline, integrationEvent.Severity, integrationEvent.AreaDescription, integrationEvent.RegionalKeys, integrationEvent.Expires, now);
        await Db.AddPushedAlertAsync(integrationEvent.AlertId, job.SeverityRank!.Value, now, cancellationToken);
        Db.PushJobs.Add(job);
        signal.NotifyAfterCommit(Db);
    }
}
