namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>Where a push reaches a device: platform, endpoint or token, and for Web Push the subscription's keys.</summary>
internal sealed record DeviceAddress(DevicePlatform Platform, string Endpoint, string? P256dh, string? Auth);
