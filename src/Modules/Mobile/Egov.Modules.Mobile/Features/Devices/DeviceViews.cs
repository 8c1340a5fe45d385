using Egov.Modules.Mobile.Domain.Devices;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Responses from devices.</summary>
internal static class DeviceViews
{
    public static DeviceResponse Response(Device device) => new(
        device.Id, DevicePlatforms.Name(device.Platform), device.Language, device.AppVersion, device.Subject is not null,
        Topics(device).Topics, device.CreatedAt, device.UpdatedAt);

    public static DeviceRegistrationResponse Registration(Device device, string secret) => new(
        device.Id, secret, DevicePlatforms.Name(device.Platform), device.Language, device.AppVersion, device.Subject is not null,
        Topics(device).Topics, device.CreatedAt, device.UpdatedAt);

    public static DeviceTopicsResponse Topics(Device device) => new([.. device.Topics.Select(t => t.ToString())]);
}
