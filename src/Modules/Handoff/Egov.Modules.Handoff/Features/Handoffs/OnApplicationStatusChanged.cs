using Egov.Modules.Forms.Contracts;
using Egov.Modules.Handoff.Contracts;
using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// The status of an application changed: handed to every target that received its submission (and
/// is still configured), so a specialist system learns of a withdrawal or a decision. Applications
/// that were never handed off are not looked at further; the change to <c>Submitted</c> is the
/// submission, handed off as such.
/// </summary>
internal sealed class OnApplicationStatusChanged(HandoffDbContext db, HandoffTargets targets, WorkSignal<PushWorker> signal, TimeProvider time)
    : IntegrationEventHandler<ApplicationStatusChangedIntegrationEvent, HandoffDbContext>(db, time)
{
    protected override async ValueTask HandleAsync(ApplicationStatusChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.Status == ApplicationStatuses.Submitted)
        {
            return; // the submission itself: handed off by OnApplicationSubmitted
        }

        var submissions = await Db.Deliveries.AsNoTracking()
            .Where(d => d.ApplicationId == integrationEvent.ApplicationId && d.EventType == HandoffEventTypes.ApplicationSubmitted)
            .ToListAsync(cancellationToken);
        var now = Time.GetUtcNow();
        foreach (var submission in submissions)
        {
            if (targets.Find(submission.TargetKey) is { } target)
            {
                Db.Deliveries.Add(HandoffDelivery.Create(
                    submission.TargetKey, target.Kind, integrationEvent.EventId, HandoffEventTypes.ApplicationStatusChanged, integrationEvent.OccurredAt,
                    submission.ApplicationId, submission.ReferenceNumber, submission.FormKey, submission.FormVersion, submission.Department,
                    integrationEvent.Status, now));
            }
        }

        signal.NotifyAfterCommit(Db);
    }
}
