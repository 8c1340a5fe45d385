using Egov.Modules.Announcements.Engines.Cap;

namespace Egov.Modules.Announcements.Features.Alerts;

/// <summary>The sources of the federal warning API and the rule matching by source and severity.</summary>
internal static class WarningSources
{
    /// <summary>
    /// The source of a warning from its identifier prefix as the warning API serves it (<c>mow.</c> MoWaS,
    /// <c>dwdmap.</c>/<c>dwd.</c> Deutscher Wetterdienst, <c>lhp.</c> Länderübergreifendes Hochwasserportal,
    /// <c>pol.</c> police, <c>kat.</c> KATWARN, <c>biw.</c> BIWAPP), else from a DWD sender; otherwise <c>Other</c>.
    /// </summary>
    public static string Of(string identifier, string sender)
    {
        var prefix = identifier.Split('.', 2)[0].ToLowerInvariant();
        return prefix switch
        {
            "mow" => "MoWaS",
            "dwd" or "dwdmap" => "DWD",
            "lhp" => "LHP",
            "pol" => "Police",
            "kat" => "KATWARN",
            "biw" or "bwapp" => "BIWAPP",
            _ when sender.EndsWith("@dwd.de", StringComparison.OrdinalIgnoreCase) => "DWD",
            _ => "Other",
        };
    }

    /// <summary>The action of the first rule matching <paramref name="source"/> and <paramref name="severity"/>; <see cref="WarningAction.Draft"/> when none does.</summary>
    public static WarningAction Decide(IEnumerable<WarningRule> rules, string source, CapSeverity severity) =>
        rules.FirstOrDefault(r => (r.Source == "*" || string.Equals(r.Source, source, StringComparison.OrdinalIgnoreCase)) && AtLeast(severity, r.MinimumSeverity))?.Action
        ?? WarningAction.Draft;

    private static bool AtLeast(CapSeverity severity, CapSeverity minimum) =>
        severity == CapSeverity.Unknown || minimum == CapSeverity.Unknown
            ? severity == minimum
            : severity <= minimum; // the enum runs from Extreme (0) to Minor (3)
}
