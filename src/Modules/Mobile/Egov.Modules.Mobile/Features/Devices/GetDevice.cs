using Egov.Modules.Mobile.Persistence;
using Mediator;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Reads a registration; <paramref name="Secret"/> is the <c>Device-Secret</c> header.</summary>
internal sealed record GetDeviceQuery(Guid Id, string? Secret) : IQuery<DeviceResponse>;

/// <summary>Reads a registration after the caller proved the device secret.</summary>
internal sealed class GetDeviceHandler(MobileDbContext db, DeviceSecrets secrets) : IQueryHandler<GetDeviceQuery, DeviceResponse>
{
    public async ValueTask<DeviceResponse> Handle(GetDeviceQuery query, CancellationToken cancellationToken) =>
        DeviceViews.Response(await db.FindAsync(secrets, query.Id, query.Secret, cancellationToken));
}
