using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;

namespace Egov.SharedKernel.Behaviors;

/// <summary>
/// Second step of the mediator pipeline: runs every FluentValidation validator registered for the
/// message and, if any rule fails, stops with a <see cref="RequestValidationException"/> that the
/// host turns into a 400 problem listing the failing fields.
/// </summary>
/// <typeparam name="TMessage">The request, command or query type.</typeparam>
/// <typeparam name="TResponse">Its response type.</typeparam>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? validators.ToArray();

    /// <inheritdoc />
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => ToFieldName(f.PropertyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal));
        }

        return await next(message, cancellationToken);
    }

    // Field names in problems use the JSON (camelCase) spelling a client sends, e.g. "Items[0].Title" → "items[0].title".
    private static string ToFieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
