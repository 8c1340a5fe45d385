using Mediator;

namespace Egov.Modules.Outreach.Features.Devices;

/// <summary>Reads a registration; <paramref name="Secret"/> is the <c>Device-Secret</c> header.</summary>
internal sealed record GetDeviceQuery(Guid Id, string? Secret) : IQuery<DeviceResponse>;

/// <summary>Removes a registration: no more notifications to that endpoint.</summary>
internal sealed record UnregisterDeviceCommand(Guid Id, string? Secret) : ICommand<Unit>;

/// <summary>Replaces every topic of a device.</summary>
internal sealed record ReplaceDeviceTopicsCommand(Guid Id, string? Secret, IReadOnlyList<string>? Topics) : ICommand<DeviceTopicsResponse>;

/// <summary>Opts a device in to one topic.</summary>
internal sealed record SubscribeDeviceTopicCommand(Guid Id, string? Secret, string Topic) : ICommand<DeviceTopicsResponse>;

/// <summary>Opts a device out of one topic.</summary>
internal sealed record UnsubscribeDeviceTopicCommand(Guid Id, string? Secret, string Topic) : ICommand<DeviceTopicsResponse>;
