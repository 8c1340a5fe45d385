using Egov.Modules.Outreach.Domain.Devices;
using Egov.Modules.Outreach.Features.Push;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Devices;

/// <summary>
/// Registers a device or, when its endpoint is known, updates that registration: one row per
/// endpoint, whatever the number of requests. Two first registrations of one endpoint at the same
/// moment meet at the unique index; the one that loses updates the winner's row.
/// </summary>
internal sealed class RegisterDeviceHandler(OutreachDbContext db, DeviceSecrets secrets, TimeProvider time)
    : ICommandHandler<RegisterDeviceCommand, DeviceRegistration>
{
    public async ValueTask<DeviceRegistration> Handle(RegisterDeviceCommand command, CancellationToken cancellationToken)
    {
        var platform = DevicePlatforms.Parse(command.Platform)!.Value;
        var address = platform == DevicePlatform.WebPush
            ? new DeviceAddress(platform, command.Endpoint!.Trim(), Normalize(command.P256dh), Normalize(command.Auth))
            : new DeviceAddress(platform, command.Endpoint!.Trim(), null, null);
        var language = command.Language ?? command.DefaultLanguage;
        var topics = command.Topics?.Select(t => DeviceTopic.TryParse(t, out var topic) ? topic : throw new InvalidOperationException("unchecked topic")).ToList();
        if (command.IdempotencyKey is { } key
            && await db.Devices.AnyAsync(d => d.CreationKey == key && d.Endpoint != address.Endpoint, cancellationToken))
        {
            throw new ConflictException("This Idempotency-Key was used to register another endpoint; use a new key for a new request.");
        }

        var now = time.GetUtcNow();
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Endpoint == address.Endpoint, cancellationToken);
        var created = device is null;
        if (device is null)
        {
            device = Device.Register(address, language, command.AppVersion, command.Subject, command.IdempotencyKey, now);
            db.Devices.Add(device);
        }
        else
        {
            device.Update(address, language, command.AppVersion, command.Subject, now);
        }

        if (topics is not null)
        {
            device.ReplaceTopics(topics, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (created)
        {
            // The same endpoint was registered at the same moment by another request, which won:
            // this request becomes an update of that row.
            db.ChangeTracker.Clear();
            device = await db.Devices.SingleOrDefaultAsync(d => d.Endpoint == address.Endpoint, cancellationToken)
                ?? throw new ConflictException("The device could not be registered; try again.");
            created = false;
            device.Update(address, language, command.AppVersion, command.Subject, now);
            if (topics is not null)
            {
                device.ReplaceTopics(topics, now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // A repeated request with the key that created the device answers as the first one did.
        var asCreated = created || (command.IdempotencyKey is not null && device.CreationKey == command.IdempotencyKey);
        return new DeviceRegistration(asCreated, DeviceViews.Registration(device, secrets.Issue(device.Id)));
    }

    /// <summary>The key without padding, as browsers give it, so that equal keys are stored equally.</summary>
    private static string? Normalize(string? key) => VapidKeys.Decode(key) is { } bytes ? System.Buffers.Text.Base64Url.EncodeToString(bytes) : null;
}
