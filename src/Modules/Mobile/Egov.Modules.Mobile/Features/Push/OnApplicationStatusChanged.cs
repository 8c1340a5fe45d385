using Egov.Modules.Forms.Contracts;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// The status of an application changed: a push to the devices linked to the applicant's subject,
/// and to no one else, for the statuses of <see cref="ApplicationStatusNotifications"/> (as the status
/// mail). The payload has the status word and a link, nothing personal.
/// </summary>
internal sealed class ApplicationStatusChangedPushHandler(MobileDbContext db, PushJobs jobs, WorkSignal<PushFanOut> signal, TimeProvider time)
    : IntegrationEventHandler<ApplicationStatusChangedIntegrationEvent, MobileDbContext>(db, time)
{
    // The inbox key since push was written (the class name then and now); kept when the class is renamed.
    protected override string InboxName => "ApplicationStatusChangedPushHandler";

    protected override ValueTask HandleAsync(ApplicationStatusChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (ApplicationStatusNotifications.NotifiesApplicant(integrationEvent.Status) && !string.IsNullOrEmpty(integrationEvent.ApplicantSubject))
        {
            Db.PushJobs.Add(jobs.Status(integrationEvent, Time.GetUtcNow()));
            signal.NotifyAfterCommit(Db);
        }

        return ValueTask.CompletedTask;
    }
}
