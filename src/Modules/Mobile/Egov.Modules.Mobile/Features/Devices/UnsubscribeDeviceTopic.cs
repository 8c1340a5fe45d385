using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Opts a device out of one topic.</summary>
internal sealed record UnsubscribeDeviceTopicCommand(Guid Id, string? Secret, string Topic) : ICommand<DeviceTopicsResponse>;

/// <summary>One topic to opt out of: field <c>topic</c>; only its syntax matters (a category removed from the list can still be dropped).</summary>
internal sealed class UnsubscribeDeviceTopicValidator : AbstractValidator<UnsubscribeDeviceTopicCommand>
{
    public UnsubscribeDeviceTopicValidator() =>
        RuleFor(c => c.Topic).Must(t => DeviceTopic.TryParse(t, out _))
            .WithMessage(c => $"'{c.Topic}' is not a topic. Topics are alerts:{{severity}}, category:{{code}} and region:{{12-digit regional key}}.");
}

/// <summary>Removes the topic after the caller proved the device secret.</summary>
internal sealed class UnsubscribeDeviceTopicHandler(MobileDbContext db, DeviceSecrets secrets, TimeProvider time)
    : ICommandHandler<UnsubscribeDeviceTopicCommand, DeviceTopicsResponse>
{
    public async ValueTask<DeviceTopicsResponse> Handle(UnsubscribeDeviceTopicCommand command, CancellationToken cancellationToken)
    {
        var device = await db.FindAsync(secrets, command.Id, command.Secret, cancellationToken);
        device.Unsubscribe(TopicRules.Checked([command.Topic])[0], time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return DeviceViews.Topics(device);
    }
}
