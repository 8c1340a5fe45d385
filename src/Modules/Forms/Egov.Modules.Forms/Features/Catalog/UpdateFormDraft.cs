using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Replaces the content of a draft version.</summary>
internal sealed record UpdateFormDraftCommand(Guid FormId, int Version, FormDocument Definition) : ICommand<FormVersionResponse>;

internal sealed class UpdateFormDraftValidator : AbstractValidator<UpdateFormDraftCommand>
{
    public UpdateFormDraftValidator() =>
        RuleFor(c => c.Definition).SetValidator(new FormDocumentValidator()).OverridePropertyName("");
}

internal sealed class UpdateFormDraftHandler(FormsDbContext db) : ICommandHandler<UpdateFormDraftCommand, FormVersionResponse>
{
    public async ValueTask<FormVersionResponse> Handle(UpdateFormDraftCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        command.Definition.EnsureKey(form.Key);
        form.UpdateDraft(command.Version, command.Definition.ToContent());
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, form.Version(command.Version));
    }
}
