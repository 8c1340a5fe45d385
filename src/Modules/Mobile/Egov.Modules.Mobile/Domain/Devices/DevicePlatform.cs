namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>How a device is reached; the API spells these <c>webpush</c>, <c>fcm</c> and <c>apns</c>.</summary>
internal enum DevicePlatform
{
    /// <summary>Web Push (RFC 8030) with encrypted payloads (RFC 8291) and VAPID (RFC 8292): an https endpoint and the keys p256dh and auth.</summary>
    WebPush,

    /// <summary>Firebase Cloud Messaging HTTP v1: a registration token.</summary>
    Fcm,

    /// <summary>Apple Push Notification service: a device token (hex).</summary>
    Apns,
}
