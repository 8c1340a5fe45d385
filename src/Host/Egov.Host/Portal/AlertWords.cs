using Egov.SharedKernel.Web;

namespace Egov.Host.Portal;

/// <summary>CAP 1.2 severity values (OASIS CAP 1.2 §3.2.2 <c>severity</c>) in the page language, for the alert banner: the level in words, never by colour alone.</summary>
internal static class AlertWords
{
    /// <summary>"Extreme" → "extrem"/"extreme", …; an unknown value is shown as it is.</summary>
    public static string Severity(string severity) => severity switch
    {
        "Extreme" => PortalText.Pick("extrem", "extreme"),
        "Severe" => PortalText.Pick("schwer", "severe"),
        "Moderate" => PortalText.Pick("mäßig", "moderate"),
        "Minor" => PortalText.Pick("gering", "minor"),
        "Unknown" => PortalText.Pick("unbekannt", "unknown"),
        _ => severity,
    };
}
