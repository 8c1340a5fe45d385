using Egov.SharedKernel.Web;

namespace Egov.Modules.Announcements.Contracts;

/// <summary>
/// CAP 1.2 severity values (OASIS CAP 1.2 §3.2.2 <c>severity</c>) in the page language, for the
/// alert banner and the alert's page: the level in words, never by colour alone, and never the raw
/// English CAP value on a German page.
/// </summary>
public static class AlertSeverityWords
{
    /// <summary>"Extreme" → "extrem"/"extreme", …; an unknown value is shown as it is.</summary>
    /// <param name="severity">The CAP value: <c>Extreme</c>, <c>Severe</c>, <c>Moderate</c>, <c>Minor</c> or <c>Unknown</c>.</param>
    public static string Of(string severity) => severity switch
    {
        "Extreme" => PortalText.Pick("extrem", "extreme"),
        "Severe" => PortalText.Pick("schwer", "severe"),
        "Moderate" => PortalText.Pick("mäßig", "moderate"),
        "Minor" => PortalText.Pick("gering", "minor"),
        "Unknown" => PortalText.Pick("unbekannt", "unknown"),
        _ => severity,
    };
}
