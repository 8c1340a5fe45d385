using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Writes to the applicant, or an internal note (<paramref name="Internal"/>) staff only see.</summary>
internal sealed record PostCaseMessageCommand(Caseworker Caseworker, Guid CaseId, string Body, bool Internal) : ICommand<CaseMessageResponse>;

internal sealed class PostCaseMessageValidator : AbstractValidator<PostCaseMessageCommand>
{
    public PostCaseMessageValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(CaseMessage.MaxLength).OverridePropertyName("body").WithName("body");
        RuleFor(c => c.Body).Must(CaseMessage.HasVisibleText).When(c => !string.IsNullOrWhiteSpace(c.Body))
            .WithMessage("The message contains no visible text.").OverridePropertyName("body").WithName("body");
    }
}

internal sealed class PostCaseMessageHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : ICommandHandler<PostCaseMessageCommand, CaseMessageResponse>
{
    public async ValueTask<CaseMessageResponse> Handle(PostCaseMessageCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, command.Caseworker, command.CaseId, tracked: false, cancellationToken);
        if (application.Status == ApplicationStatus.Closed && !command.Internal)
        {
            throw new ConflictException("The case is closed; the applicant can no longer be written to here. Internal notes are still possible.");
        }

        var message = CaseMessage.Create(application.Id, command.Caseworker.Actor, command.Body.Trim(), command.Internal, null, time.GetUtcNow());
        db.CaseMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return CaseMessageResponse.From(message);
    }
}
