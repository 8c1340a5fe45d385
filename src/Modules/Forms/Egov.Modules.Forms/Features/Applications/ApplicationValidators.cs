using FluentValidation;

namespace Egov.Modules.Forms.Features.Applications;

internal sealed class CreateApplicationValidator : AbstractValidator<CreateApplicationCommand>
{
    public CreateApplicationValidator()
    {
        RuleFor(c => c.Form).NotEmpty().MaximumLength(80).WithName("form");
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).OverridePropertyName("Idempotency-Key").WithName("Idempotency-Key");
    }
}

internal sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationValidator() =>
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).OverridePropertyName("Idempotency-Key").WithName("Idempotency-Key");
}

internal sealed class SaveApplicationDraftValidator : AbstractValidator<SaveApplicationDraftCommand>
{
    /// <summary>Drafts are small JSON objects; 1 MB of form data is far beyond any real form.</summary>
    public SaveApplicationDraftValidator() =>
        RuleFor(c => c.Data).Must(d => d.ValueKind == System.Text.Json.JsonValueKind.Object)
            .WithMessage("The application data must be a JSON object.").OverridePropertyName("data").WithName("data");
}

internal sealed class ListMyApplicationsValidator : AbstractValidator<ListMyApplicationsQuery>
{
    public ListMyApplicationsValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Egov.SharedKernel.Paging.Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}

internal sealed class PostApplicationMessageValidator : AbstractValidator<PostApplicationMessageCommand>
{
    public PostApplicationMessageValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(Domain.CaseMessage.MaxLength).OverridePropertyName("body").WithName("body");
        RuleFor(c => c.Body).Must(Domain.CaseMessage.HasVisibleText).When(c => !string.IsNullOrWhiteSpace(c.Body))
            .WithMessage("The message contains no visible text.").OverridePropertyName("body").WithName("body");
    }
}

internal sealed class AnswerInformationRequestValidator : AbstractValidator<AnswerInformationRequestCommand>
{
    public AnswerInformationRequestValidator() =>
        RuleFor(c => c.Message).NotEmpty().MaximumLength(Domain.CaseMessage.MaxLength).OverridePropertyName("message").WithName("message");
}
