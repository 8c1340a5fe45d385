using Egov.Modules.Mobile.Domain.Devices;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>A device as the senders need it.</summary>
internal sealed record PushTarget(Guid Id, DevicePlatform Platform, string Endpoint, string? P256dh, string? Auth, string Language);
