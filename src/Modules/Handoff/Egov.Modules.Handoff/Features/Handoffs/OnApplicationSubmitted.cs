using Egov.Modules.Forms.Contracts;
using Egov.Modules.Handoff.Contracts;
using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Work;
using Mediator;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// A citizen submitted an application: one hand-off per target configured for its form, version
/// and department — a push delivery (the worker sends it after commit) or a feed entry. The inbox
/// and the unique (target, event) key make it once per target however often the event arrives.
/// </summary>
internal sealed class OnApplicationSubmitted(HandoffDbContext db, ISender sender, HandoffTargets targets, WorkSignal<PushWorker> signal, TimeProvider time)
    : IntegrationEventHandler<ApplicationSubmittedIntegrationEvent, HandoffDbContext>(db, time)
{
    protected override async ValueTask HandleAsync(ApplicationSubmittedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        // Facts only (no file contents): the worker reads the documents when it sends.
        var record = await sender.Send(new GetCaseRecordQuery(integrationEvent.ApplicationId, IncludeContent: false), cancellationToken)
            ?? throw new InvalidOperationException($"Application {integrationEvent.ApplicationId} was submitted but Forms does not know it.");
        var now = Time.GetUtcNow();
        foreach (var (key, target) in targets.For(record))
        {
            Db.Deliveries.Add(HandoffDelivery.Create(
                key, target.Kind, integrationEvent.EventId, HandoffEventTypes.ApplicationSubmitted, integrationEvent.OccurredAt,
                record.ApplicationId, record.ReferenceNumber, record.FormKey, record.FormVersion, record.Department, ApplicationStatuses.Submitted, now));
        }

        signal.NotifyAfterCommit(Db);
    }
}
