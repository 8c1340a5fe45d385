using FluentValidation;

namespace Egov.Modules.Outreach.Features.Guidelines;

internal sealed class PublishGuidelineInputValidator : AbstractValidator<PublishGuidelineInput>
{
    public PublishGuidelineInputValidator()
    {
        RuleFor(g => g.Title).NotEmpty().MaximumLength(200);
        RuleFor(g => g.Body).NotEmpty().MaximumLength(100_000);
        RuleFor(g => g.ChangeNote).MaximumLength(2000);
    }
}
