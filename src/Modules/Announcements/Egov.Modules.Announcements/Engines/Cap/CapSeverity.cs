namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>The severity of the subject event (<c>&lt;severity&gt;</c>, CAP 1.2 §3.2.2): the intensity of impact.</summary>
internal enum CapSeverity
{
    /// <summary>Extraordinary threat to life or property.</summary>
    Extreme,

    /// <summary>Significant threat to life or property.</summary>
    Severe,

    /// <summary>Possible threat to life or property.</summary>
    Moderate,

    /// <summary>Minimal to no known threat to life or property.</summary>
    Minor,

    /// <summary>Severity unknown.</summary>
    Unknown,
}
