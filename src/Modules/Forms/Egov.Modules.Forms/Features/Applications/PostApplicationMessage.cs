using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Writes to the caseworkers of one's submitted application.</summary>
internal sealed record PostApplicationMessageCommand(Applicant Applicant, Guid ApplicationId, string Body) : ICommand<CaseMessageResponse>;

internal sealed class PostApplicationMessageValidator : AbstractValidator<PostApplicationMessageCommand>
{
    public PostApplicationMessageValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(Domain.CaseMessage.MaxLength).OverridePropertyName("body").WithName("body");
        RuleFor(c => c.Body).Must(Domain.CaseMessage.HasVisibleText).When(c => !string.IsNullOrWhiteSpace(c.Body))
            .WithMessage("The message contains no visible text.").OverridePropertyName("body").WithName("body");
    }
}

internal sealed class PostApplicationMessageHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<PostApplicationMessageCommand, CaseMessageResponse>
{
    public async ValueTask<CaseMessageResponse> Handle(PostApplicationMessageCommand command, CancellationToken cancellationToken)
    {
        var application = await db.OwnCaseAsync(command.Applicant, command.ApplicationId, cancellationToken);
        if (application.Status == ApplicationStatus.Closed)
        {
            throw new ConflictException(command.Applicant.Language == "de"
                ? "Der Vorgang ist abgeschlossen; Nachrichten sind hier nicht mehr möglich."
                : "The case is closed; messages are no longer possible here.");
        }

        var message = CaseMessage.Create(
            application.Id, new CaseActor(application.ApplicantSubject, application.ApplicantName ?? "", IsApplicant: true),
            command.Body.Trim(), isInternal: false, null, time.GetUtcNow());
        db.CaseMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return CaseMessageResponse.From(message);
    }
}
