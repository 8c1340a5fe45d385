namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>The certainty of the subject event (<c>&lt;certainty&gt;</c>, CAP 1.2 §3.2.2): confidence in the observation or prediction.</summary>
internal enum CapCertainty
{
    /// <summary>Determined to have occurred or to be ongoing.</summary>
    Observed,

    /// <summary>Likely (p &gt; ~50%).</summary>
    Likely,

    /// <summary>Possible but not likely (p &lt;= ~50%).</summary>
    Possible,

    /// <summary>Not expected to occur (p ~ 0).</summary>
    Unlikely,

    /// <summary>Certainty unknown.</summary>
    Unknown,
}
