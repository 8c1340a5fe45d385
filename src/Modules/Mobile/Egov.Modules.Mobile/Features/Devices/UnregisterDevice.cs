using Egov.Modules.Mobile.Persistence;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Removes a registration: no more notifications to that endpoint.</summary>
internal sealed record UnregisterDeviceCommand(Guid Id, string? Secret) : ICommand<Unit>;

/// <summary>Removes a registration after the caller proved the device secret.</summary>
internal sealed class UnregisterDeviceHandler(MobileDbContext db, DeviceSecrets secrets) : ICommandHandler<UnregisterDeviceCommand, Unit>
{
    public async ValueTask<Unit> Handle(UnregisterDeviceCommand command, CancellationToken cancellationToken)
    {
        db.Devices.Remove(await db.FindAsync(secrets, command.Id, command.Secret, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
