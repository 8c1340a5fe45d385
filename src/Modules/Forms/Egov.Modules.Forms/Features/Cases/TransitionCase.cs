using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Moves the case to another status (see CaseTransitions); some moves need a reason.</summary>
internal sealed record TransitionCaseCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, ApplicationStatus To, string? Reason) : ICommand<CaseDetail>;

internal sealed class TransitionCaseValidator : AbstractValidator<TransitionCaseCommand>
{
    public TransitionCaseValidator()
    {
        RuleFor(c => c.Reason).MaximumLength(CaseMessage.MaxLength).OverridePropertyName("reason").WithName("reason");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.To == ApplicationStatus.Rejected)
            .WithMessage("A rejection needs a reason that the applicant will read.").OverridePropertyName("reason");
        RuleFor(c => c.To).Must(t => t != ApplicationStatus.Draft && t != ApplicationStatus.Submitted && t != ApplicationStatus.Withdrawn)
            .WithMessage("A case cannot be moved back to Draft or Submitted; only the applicant can withdraw.").OverridePropertyName("to");
    }
}

internal sealed class TransitionCaseHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : ICommandHandler<TransitionCaseCommand, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(TransitionCaseCommand command, CancellationToken cancellationToken)
    {
        if (command.To == ApplicationStatus.InformationRequested)
        {
            throw new RequestValidationException("to",
                "Ask for information with POST /api/v1/cases/{id}/information-requests: it needs a message and a date to answer by.");
        }

        var application = await CaseAccess.FindAsync(db, staff, command.Caseworker, command.CaseId, tracked: true, cancellationToken);
        CaseAccess.EnsureMatch(application, command.IfMatch);
        var now = time.GetUtcNow();
        var from = application.Status;
        db.Record(application.Transition(command.To, command.Caseworker.Actor, command.Reason?.Trim(), now));
        if (from == ApplicationStatus.InformationRequested)
        {
            // Back to review without an answer: the open request is withdrawn.
            foreach (var open in await db.InformationRequests.Where(r => r.ApplicationId == application.Id && r.Status == InformationRequestStatus.Open).ToListAsync(cancellationToken))
            {
                open.Cancel(now);
            }
        }

        CaseAccess.LogRead(db, application, command.Caseworker, time);
        await CaseAccess.SaveChangeAsync(db, cancellationToken);
        return await CaseDetails.LoadAsync(db, application, time, cancellationToken);
    }
}
