using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Lifts the legal hold (the retention clock runs on from where it stopped), with the reason; recorded in the case history.</summary>
internal sealed record LiftLegalHoldCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, string Reason) : ICommand<CaseDetail>;

internal sealed class LiftLegalHoldValidator : AbstractValidator<LiftLegalHoldCommand>
{
    public LiftLegalHoldValidator() => RuleFor(c => c.Reason).LegalHoldReason();
}

internal sealed class LiftLegalHoldHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : ICommandHandler<LiftLegalHoldCommand, CaseDetail>
{
    public ValueTask<CaseDetail> Handle(LiftLegalHoldCommand command, CancellationToken cancellationToken) =>
        LegalHold.ChangeAsync(db, staff, time, command.Caseworker, command.CaseId, command.IfMatch,
            (application, now) => application.LiftLegalHold(command.Caseworker.Actor, command.Reason.Trim(), now), cancellationToken);
}
