using Egov.Modules.Forms.Features.FormDocuments;
using FluentValidation;

namespace Egov.Modules.Forms.Features.ManageForms;

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
