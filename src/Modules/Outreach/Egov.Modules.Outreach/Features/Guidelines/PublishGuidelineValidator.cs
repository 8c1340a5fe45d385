using FluentValidation;

namespace Egov.Modules.Outreach.Features.Guidelines;

internal sealed class PublishGuidelineValidator(IValidator<PublishGuidelineInput> input) : InputValidator<PublishGuidelineCommand, PublishGuidelineInput>(input, c => c.Input);
