using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Time;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Asks the applicant for documents or data by a date; the case waits in InformationRequested.</summary>
internal sealed record RequestInformationCommand(Caseworker Caseworker, Guid CaseId, int? IfMatch, string Message, DateOnly AnswerBy) : ICommand<CaseDetail>;

internal sealed class RequestInformationValidator : AbstractValidator<RequestInformationCommand>
{
    public RequestInformationValidator(TimeProvider time)
    {
        RuleFor(c => c.Message).NotEmpty().MaximumLength(CaseMessage.MaxLength).OverridePropertyName("message").WithName("message");
        RuleFor(c => c.AnswerBy).Must(d => d > CivilTime.Today(time) && d <= CivilTime.Today(time).AddYears(1))
            .WithMessage("answerBy must be a date after today (Europe/Berlin) and within a year.").OverridePropertyName("answerBy");
    }
}

internal sealed class RequestInformationHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : ICommandHandler<RequestInformationCommand, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(RequestInformationCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, command.Caseworker, command.CaseId, tracked: true, cancellationToken);
        CaseAccess.EnsureMatch(application, command.IfMatch);
        var now = time.GetUtcNow();
        var message = command.Message.Trim();
        db.Record(application.Transition(ApplicationStatus.InformationRequested, command.Caseworker.Actor, message, now));
        db.InformationRequests.Add(InformationRequest.Open(application.Id, message, command.AnswerBy, command.Caseworker.Actor, now));
        CaseAccess.LogRead(db, application, command.Caseworker, time);
        await CaseAccess.SaveChangeAsync(db, cancellationToken);
        return await CaseDetails.LoadAsync(db, application, time, cancellationToken);
    }
}
