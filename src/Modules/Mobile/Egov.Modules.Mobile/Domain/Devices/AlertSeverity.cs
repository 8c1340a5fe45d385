namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>
/// CAP 1.2 severities (OASIS CAP §3.2.2 <c>severity</c>) in ascending order, as a device's alert
/// threshold: a device with threshold <see cref="Severe"/> gets Severe and Extreme alerts.
/// </summary>
internal enum AlertSeverity
{
    Minor = 1,
    Moderate = 2,
    Severe = 3,
    Extreme = 4,
}
