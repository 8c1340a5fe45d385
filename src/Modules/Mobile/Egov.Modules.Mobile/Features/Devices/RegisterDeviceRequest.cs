namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Body of <c>POST /api/v1/devices</c>.</summary>
/// <param name="Platform"><c>webpush</c>, <c>fcm</c> or <c>apns</c>.</param>
/// <param name="Endpoint">Web Push: the subscription's endpoint URL (https). FCM: the registration token. APNs: the device token (hex).</param>
/// <param name="Keys">Web Push only: the subscription's keys, as <c>PushSubscription.toJSON()</c> gives them.</param>
/// <param name="Language"><c>de</c> or <c>en</c>; default from <c>Accept-Language</c>, else German.</param>
/// <param name="AppVersion">The app's version, for support (at most 50 characters).</param>
/// <param name="Topics">Topics to subscribe to, replacing the present ones; omit to keep them (a new device then has none).</param>
internal sealed record RegisterDeviceRequest(
    string? Platform,
    string? Endpoint,
    DeviceKeys? Keys,
    string? Language,
    string? AppVersion,
    IReadOnlyList<string>? Topics);

/// <summary>The keys of a Web Push subscription (RFC 8291), base64url.</summary>
/// <param name="P256dh">The user agent's P-256 public key, uncompressed (65 bytes).</param>
/// <param name="Auth">The 16-byte authentication secret.</param>
internal sealed record DeviceKeys(string? P256dh, string? Auth);
