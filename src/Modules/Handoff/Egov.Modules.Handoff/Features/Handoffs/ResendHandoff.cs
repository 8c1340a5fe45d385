using Egov.Modules.Handoff.Contracts;
using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// Answers <see cref="ResendCaseHandoffCommand"/> (the staff API and the staff case page of Forms): a push
/// hand-off — parked, failed or already sent (the receiver lost it) — is due at once, with the same
/// CloudEvent id, attempts counted on. A pull hand-off cannot be re-sent (the target reads its feed again
/// from any cursor), nor an export (made anew): 409.
/// </summary>
internal sealed class ResendHandoffHandler(HandoffDbContext db, WorkSignal<PushWorker> signal, TimeProvider time) : ICommandHandler<ResendCaseHandoffCommand, Guid>
{
    public async ValueTask<Guid> Handle(ResendCaseHandoffCommand command, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == command.HandoffId, cancellationToken);
        if (delivery is null || !StaffMember.Covers(command.Departments, command.IsAdministrator, delivery.Department))
        {
            throw new NotFoundException($"There is no hand-off {command.HandoffId}.");
        }

        if (delivery.Kind != HandoffTargetKind.Push)
        {
            throw new ConflictException("Only push hand-offs can be sent again: a pull target reads its feed itself, and an xdomea export is made anew.");
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
