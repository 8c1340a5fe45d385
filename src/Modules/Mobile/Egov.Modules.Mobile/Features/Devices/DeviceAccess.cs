using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Finds a device for a caller that proved it holds the device's secret.</summary>
internal static class DeviceAccess
{
    /// <exception cref="ForbiddenException">No secret, or not this device's (checked first, so that ids cannot be probed).</exception>
    /// <exception cref="NotFoundException">The device was removed (by the app, or after its push service called it gone).</exception>
    public static async Task<Device> FindAsync(this MobileDbContext db, DeviceSecrets secrets, Guid id, string? secret, CancellationToken cancellationToken)
    {
        if (!secrets.Verifies(id, secret))
        {
            throw new ForbiddenException($"The {DeviceSecrets.HeaderName} header is missing or is not the secret this device got at registration.");
        }

        return await db.Devices.SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException("The device is not registered (any more); register it again.");
    }
}
