using Egov.Modules.Outreach.Domain.Devices;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Outreach.Features.Devices;

/// <summary>Reading and removing a registration, and its topics; every call proves the device secret.</summary>
internal sealed class DeviceHandlers(OutreachDbContext db, DeviceSecrets secrets, TimeProvider time) :
    IQueryHandler<GetDeviceQuery, DeviceResponse>,
    ICommandHandler<UnregisterDeviceCommand, Unit>,
    ICommandHandler<ReplaceDeviceTopicsCommand, DeviceTopicsResponse>,
    ICommandHandler<SubscribeDeviceTopicCommand, DeviceTopicsResponse>,
    ICommandHandler<UnsubscribeDeviceTopicCommand, DeviceTopicsResponse>
{
    public async ValueTask<DeviceResponse> Handle(GetDeviceQuery query, CancellationToken cancellationToken) =>
        DeviceViews.Response(await db.FindAsync(secrets, query.Id, query.Secret, cancellationToken));

    public async ValueTask<Unit> Handle(UnregisterDeviceCommand command, CancellationToken cancellationToken)
    {
        db.Devices.Remove(await db.FindAsync(secrets, command.Id, command.Secret, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<DeviceTopicsResponse> Handle(ReplaceDeviceTopicsCommand command, CancellationToken cancellationToken)
    {
        var device = await db.FindAsync(secrets, command.Id, command.Secret, cancellationToken);
        device.ReplaceTopics(Parse(command.Topics ?? []), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return DeviceViews.Topics(device);
    }

    public async ValueTask<DeviceTopicsResponse> Handle(SubscribeDeviceTopicCommand command, CancellationToken cancellationToken)
    {
        var device = await db.FindAsync(secrets, command.Id, command.Secret, cancellationToken);
        if (!device.Subscribe(Parse([command.Topic])[0], time.GetUtcNow()))
        {
            throw new DomainRuleException($"A device may follow at most {Device.MaxRegions} regions; remove one first.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return DeviceViews.Topics(device);
    }

    public async ValueTask<DeviceTopicsResponse> Handle(UnsubscribeDeviceTopicCommand command, CancellationToken cancellationToken)
    {
        var device = await db.FindAsync(secrets, command.Id, command.Secret, cancellationToken);
        device.Unsubscribe(Parse([command.Topic])[0], time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return DeviceViews.Topics(device);
    }

    /// <summary>Topics the validator has checked already.</summary>
    private static List<DeviceTopic> Parse(IEnumerable<string> topics) =>
        [.. topics.Select(t => DeviceTopic.TryParse(t, out var topic) ? topic : throw new InvalidOperationException($"unchecked topic {t}"))];
}
