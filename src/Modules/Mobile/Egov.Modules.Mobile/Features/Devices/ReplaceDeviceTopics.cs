using Egov.Modules.Mobile.Persistence;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Replaces every topic of a device.</summary>
internal sealed record ReplaceDeviceTopicsCommand(Guid Id, string? Secret, IReadOnlyList<string>? Topics) : ICommand<DeviceTopicsResponse>;

/// <summary>A new topic list: field <c>topics</c> and <c>topics[i]</c>.</summary>
internal sealed class ReplaceDeviceTopicsValidator : AbstractValidator<ReplaceDeviceTopicsCommand>
{
    public ReplaceDeviceTopicsValidator(TopicCatalog catalog)
    {
        RuleFor(c => c.Topics).NotNull().WithMessage("Send the complete list, e.g. {\"topics\": [\"alerts:severe\"]}; an empty list unsubscribes from everything.");
        this.TopicList(c => c.Topics, catalog);
    }
}

/// <summary>Replaces the topics after the caller proved the device secret.</summary>
internal sealed class ReplaceDeviceTopicsHandler(MobileDbContext db, DeviceSecrets secrets, TimeProvider time)
    : ICommandHandler<ReplaceDeviceTopicsCommand, DeviceTopicsResponse>
{
    public async ValueTask<DeviceTopicsResponse> Handle(ReplaceDeviceTopicsCommand command, CancellationToken cancellationToken)
    {
        var device = await db.FindAsync(secrets, command.Id, command.Secret, cancellationToken);
        device.ReplaceTopics(TopicRules.Checked(command.Topics ?? []), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return DeviceViews.Topics(device);
    }
}
