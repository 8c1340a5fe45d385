using Egov.Modules.Forms.Features.FormDocuments;
using FluentValidation;

namespace Egov.Modules.Forms.Features.ManageForms;

internal sealed class AddFormVersionValidator : AbstractValidator<AddFormVersionCommand>
{
    public AddFormVersionValidator() =>
        RuleFor(c => c.Definition).SetValidator(new FormDocumentValidator()).OverridePropertyName("");
}

internal sealed class UpdateFormDraftValidator : AbstractValidator<UpdateFormDraftCommand>
{
    public UpdateFormDraftValidator() =>
        RuleFor(c => c.Definition).SetValidator(new FormDocumentValidator()).OverridePropertyName("");
}
