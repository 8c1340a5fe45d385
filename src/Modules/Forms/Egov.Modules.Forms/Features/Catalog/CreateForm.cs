using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Creates a form with its first version as a draft.</summary>
internal sealed record CreateFormCommand(FormDocument Definition) : ICommand<FormVersionResponse>;

internal sealed class CreateFormValidator : AbstractValidator<CreateFormCommand>
{
    public CreateFormValidator()
    {
        RuleFor(c => c.Definition.Key).NotEmpty().MaximumLength(80)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("Use lowercase letters, digits and '-', e.g. 'hundesteuer-anmeldung'.")
            .OverridePropertyName("key");
        RuleFor(c => c.Definition).SetValidator(new FormDocumentValidator()).OverridePropertyName("");
    }
}

internal sealed class CreateFormHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<CreateFormCommand, FormVersionResponse>
{
    public async ValueTask<FormVersionResponse> Handle(CreateFormCommand command, CancellationToken cancellationToken)
    {
        var key = command.Definition.Key!;
        if (await db.FormDefinitions.AnyAsync(f => f.Key == key, cancellationToken))
        {
            throw new ConflictException($"A form with the key '{key}' exists already; add a version to it instead.");
        }

        var form = FormDefinition.Create(key, command.Definition.ToContent(), time.GetUtcNow());
        db.FormDefinitions.Add(form);
        await db.SaveChangesAsync(cancellationToken);
        return FormVersionResponse.From(form, form.Versions[0]);
    }
}
