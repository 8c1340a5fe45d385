using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// Staff send a push hand-off again — parked, failed or already sent (the receiver lost it): due at
/// once, with the same CloudEvent id, attempts counted on. A pull hand-off cannot be re-sent (the
/// target reads its feed again from any cursor): 409.
/// </summary>
internal sealed record ResendHandoffCommand(StaffMember Staff, Guid HandoffId) : ICommand<Guid>;

internal sealed class ResendHandoffHandler(HandoffDbContext db, WorkSignal<PushWorker> signal, TimeProvider time) : ICommandHandler<ResendHandoffCommand, Guid>
{
    public async ValueTask<Guid> Handle(ResendHandoffCommand command, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == command.HandoffId, cancellationToken);
        if (delivery is null || !command.Staff.Covers(delivery.Department))
        {
            throw new NotFoundException($"There is no hand-off {command.HandoffId}.");
        }

        if (delivery.Kind != HandoffTargetKind.Push)
        {
            throw new ConflictException("A pull target reads its feed itself; only push hand-offs can be sent again.");
        }

        if (delivery.Status == HandoffStatus.Pending)
        {
            return delivery.ApplicationId; // already due: nothing to add
        }

        delivery.Resend(time.GetUtcNow());
        signal.NotifyAfterCommit(db);
        await db.SaveChangesAsync(cancellationToken);
        return delivery.ApplicationId;
    }
}
