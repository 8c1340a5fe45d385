using FluentValidation;

namespace Egov.Modules.Outreach.Features;

/// <summary>
/// Validates the request body inside a command (the mediator's validation behavior validates the
/// command), keeping the field names of the body, e.g. <c>variants[0].channelId</c>.
/// </summary>
internal abstract class InputValidator<TCommand, TInput> : AbstractValidator<TCommand>
{
    protected InputValidator(IValidator<TInput> input, Func<TCommand, TInput?> select) =>
        RuleFor(c => c).Custom((command, context) =>
        {
            if (select(command) is not { } body)
            {
                context.AddFailure("body", "A JSON body is required.");
                return;
            }

            foreach (var failure in input.Validate(body).Errors)
            {
                context.AddFailure(failure.PropertyName, failure.ErrorMessage);
            }
        });
}
