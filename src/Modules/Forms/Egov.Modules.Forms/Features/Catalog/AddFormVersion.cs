using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Adds the next version of a form as a draft.</summary>
internal sealed record AddFormVersionCommand(Guid FormId, FormDocument Definition) : ICommand<FormVersionResponse>;

internal sealed class AddFormVersionValidator : AbstractValidator<AddFormVersionCommand>
{
    public AddFormVersionValidator() =>
        RuleFor(c => c.Definition).SetValidator(new FormDocumentValidator()).OverridePropertyName("");
}

internal sealed class AddFormVersionHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<AddFormVersionCommand, FormVersionResponse>
{
    public async ValueTask<FormVersionResponse> Handle(AddFormVersionCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        command.Definition.EnsureKey(form.Key);
        var version = form.AddDraft(command.Definition.ToContent(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, version);
    }
}
