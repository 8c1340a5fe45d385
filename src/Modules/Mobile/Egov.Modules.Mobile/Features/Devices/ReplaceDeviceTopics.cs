using Egov.Modules.Outreach.Domain.Devices;
using FluentValidation;

namespace Egov.Modules.Outreach.Features.Devices;

/// <summary>A new topic list: field <c>topics</c> and <c>topics[i]</c>.</summary>
internal sealed class ReplaceDeviceTopicsValidator : AbstractValidator<ReplaceDeviceTopicsCommand>
{
    public ReplaceDeviceTopicsValidator(TopicCatalog catalog)
    {
        RuleFor(c => c.Topics).NotNull().WithMessage("Send the complete list, e.g. {\"topics\": [\"alerts:severe\"]}; an empty list unsubscribes from everything.");
        this.TopicList(c => c.Topics, catalog);
    }
}

/// <summary>One topic to opt in to: field <c>topic</c>.</summary>
internal sealed class SubscribeDeviceTopicValidator : AbstractValidator<SubscribeDeviceTopicCommand>
{
    public SubscribeDeviceTopicValidator(TopicCatalog catalog) =>
        RuleFor(c => c.Topic).CustomAsync(async (topic, context, ct) =>
        {
            if (await TopicRules.ProblemAsync(topic, catalog, ct) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
}

/// <summary>One topic to opt out of: field <c>topic</c>; only its syntax matters (a category removed from the list can still be dropped).</summary>
internal sealed class UnsubscribeDeviceTopicValidator : AbstractValidator<UnsubscribeDeviceTopicCommand>
{
    public UnsubscribeDeviceTopicValidator() =>
        RuleFor(c => c.Topic).Must(t => DeviceTopic.TryParse(t, out _))
            .WithMessage(c => $"'{c.Topic}' is not a topic. Topics are alerts:{{severity}}, category:{{code}} and region:{{12-digit regional key}}.");
}
