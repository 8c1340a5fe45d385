namespace Egov.Modules.Mobile.Domain.Devices;

/// <summary>Reads the CAP severity names the alert events carry.</summary>
internal static class AlertSeverities
{
    /// <summary>
    /// The severity of a CAP <c>severity</c> value. <c>Unknown</c> and anything unexpected count
    /// as <see cref="AlertSeverity.Minor"/>, so that such an alert still reaches every device that
    /// subscribed to alerts at all, rather than none.
    /// </summary>
    public static AlertSeverity FromCap(string? severity) =>
        Enum.TryParse<AlertSeverity>(severity, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : AlertSeverity.Minor;
}
