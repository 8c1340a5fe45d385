using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Opts a device in to one topic.</summary>
internal sealed record SubscribeDeviceTopicCommand(Guid Id, string? Secret, string Topic) : ICommand<DeviceTopicsResponse>;

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

/// <summary>Adds the topic after the caller proved the device secret.</summary>
/// <exception cref="DomainRuleException">The device follows <see cref="Device.MaxRegions"/> regions already.</exception>
internal sealed class SubscribeDeviceTopicHandler(MobileDbContext db, DeviceSecrets secrets, TimeProvider time)
    : ICommandHandler<SubscribeDeviceTopicCommand, DeviceTopicsResponse>
{
    public async ValueTask<DeviceTopicsResponse> Handle(SubscribeDeviceTopicCommand command, CancellationToken cancellationToken)
    {
        var device = await db.FindAsync(secrets, command.Id, command.Secret, cancellationToken);
        if (!device.Subscribe(TopicRules.Checked([command.Topic])[0], time.GetUtcNow()))
        {
            throw new DomainRuleException($"A device may follow at most {Device.MaxRegions} regions; remove one first.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return DeviceViews.Topics(device);
    }
}
