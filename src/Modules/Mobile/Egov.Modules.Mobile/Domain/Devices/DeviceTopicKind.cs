namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>The three kinds of <see cref="DeviceTopic"/>.</summary>
internal enum DeviceTopicKind
{
    Alerts,
    Category,
    Region,
}
