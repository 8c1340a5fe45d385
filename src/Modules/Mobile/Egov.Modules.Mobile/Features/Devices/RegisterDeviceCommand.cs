using Mediator;

namespace Egov.Modules.Outreach.Features.Devices;

/// <summary>Registers a device, or updates the registration of the same endpoint.</summary>
/// <param name="Platform">As requested: webpush, fcm or apns.</param>
/// <param name="Endpoint">Web Push endpoint URL, FCM or APNs token.</param>
/// <param name="P256dh">Web Push: <c>keys.p256dh</c>.</param>
/// <param name="Auth">Web Push: <c>keys.auth</c>.</param>
/// <param name="AppVersion">The app's version.</param>
/// <param name="Topics">The new topics, or null to keep them.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header.</param>
/// <param name="Subject">OIDC <c>sub</c> of the signed-in citizen, or null for an anonymous device.</param>
/// <param name="Language">The requested language, or null for <paramref name="DefaultLanguage"/>.</param>
/// <param name="DefaultLanguage">From <c>Accept-Language</c>.</param>
internal sealed record RegisterDeviceCommand(
    string? Platform,
    string? Endpoint,
    string? P256dh,
    string? Auth,
    string? Language,
    string DefaultLanguage,
    string? AppVersion,
    IReadOnlyList<string>? Topics,
    string? Subject,
    string? IdempotencyKey) : ICommand<DeviceRegistration>;

/// <summary>The outcome of a registration: <paramref name="Created"/> is true for a new device (and for a repeated request with the key that created it).</summary>
internal sealed record DeviceRegistration(bool Created, DeviceRegistrationResponse Response);
