using Egov.Modules.Forms.Contracts;
using Egov.Modules.Mobile.Persistence;
using Mediator;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// The status of an application changed: a push to the devices linked to the applicant's subject,
/// and to no one else. The payload has the status word and a link, nothing personal.
/// </summary>
internal sealed class ApplicationStatusChangedPushHandler(MobileDbContext db, PushJobs jobs, PushSignal signal, TimeProvider time)
    : INotificationHandler<ApplicationStatusChangedIntegrationEvent>
{
    private const string HandlerName = nameof(ApplicationStatusChangedPushHandler);

    public async ValueTask Handle(ApplicationStatusChangedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        if (!PushTexts.Notifies(notification.Status) || string.IsNullOrEmpty(notification.ApplicantSubject)
            || await db.HasProcessedAsync(notification.EventId, HandlerName, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        db.PushJobs.Add(jobs.Status(notification, now));
        db.MarkProcessed(notification.EventId, HandlerName, now);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
