using Egov.Modules.Outreach.Domain.Devices;

namespace Egov.Modules.Outreach.Features.Push;

/// <summary>A device as the senders need it.</summary>
internal sealed record PushTarget(Guid Id, DevicePlatform Platform, string Endpoint, string? P256dh, string? Auth, string Language);
