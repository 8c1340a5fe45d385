using Egov.Modules.Announcements.Engines.Cap;

namespace Egov.Modules.Announcements.Features.Alerts;

/// <summary>Settings of the automatic reader of official warnings (section <c>Egov:Announcements:WarningReader</c>).</summary>
internal sealed class WarningReaderOptions
{
    public const string SectionName = "Egov:Announcements:WarningReader";

    /// <summary>Whether this instance polls the warning API (default false; several instances may all poll safely).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Base address of the federal warning API (BBK, NINA / warnung.bund.de), ending in <c>/</c>; the reader asks
    /// <c>dashboard/{ARS}.json</c> and <c>warnings/{identifier}.json</c> below it. Default <c>https://warnung.bund.de/api31/</c>.
    /// </summary>
    public Uri BaseAddress { get; set; } = new("https://warnung.bund.de/api31/");

    /// <summary>
    /// The city's regional keys (Amtlicher Regionalschlüssel, 12 digits). The dashboard answers per district:
    /// give the key with the last seven digits as zeros (e.g. <c>059620000000</c> for the Märkischer Kreis).
    /// </summary>
    public List<string> RegionalKeys { get; set; } = [];

    /// <summary>How often the dashboard is read (default 60 s; the API refreshes about every minute).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time limit of one request to the API (default 10 s); a request over it is given up until the next run.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Which warnings are re-issued at once; the first rule that matches wins; a warning no rule matches becomes a draft.</summary>
    public List<WarningRule> Rules { get; set; } = [];
}

/// <summary>A rule: warnings of <see cref="Source"/> at <see cref="MinimumSeverity"/> or worse are handled by <see cref="Action"/>.</summary>
internal sealed class WarningRule
{
    /// <summary><c>MoWaS</c>, <c>DWD</c>, <c>LHP</c>, <c>Police</c>, <c>KATWARN</c>, <c>BIWAPP</c> (<see cref="WarningSources"/>) or <c>*</c> for any.</summary>
    public string Source { get; set; } = "*";

    /// <summary>The least severity the rule applies to (CAP 1.2: Minor &lt; Moderate &lt; Severe &lt; Extreme; Unknown only matches Unknown).</summary>
    public CapSeverity MinimumSeverity { get; set; } = CapSeverity.Extreme;

    /// <summary>What to do with a matching warning.</summary>
    public WarningAction Action { get; set; } = WarningAction.Draft;
}

/// <summary>What the reader does with a new warning.</summary>
internal enum WarningAction
{
    /// <summary>A draft alert for the crisis team (the usual approval or break-glass).</summary>
    Draft,

    /// <summary>Re-issue at once in the city's name, the source named (fanned out like any alert issued).</summary>
    Publish,
}
