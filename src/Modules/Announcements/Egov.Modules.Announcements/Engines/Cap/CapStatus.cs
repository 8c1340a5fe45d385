namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// The code denoting the appropriate handling of the alert message (<c>&lt;status&gt;</c>, CAP 1.2
/// §3.2.1). The member names are the CAP tokens, case-sensitive.
/// </summary>
internal enum CapStatus
{
    /// <summary>Actionable by all targeted recipients.</summary>
    Actual,

    /// <summary>Actionable only by designated exercise participants; the exercise identifier should appear in <c>note</c>.</summary>
    Exercise,

    /// <summary>For messages that support alert network internal functions.</summary>
    System,

    /// <summary>Technical testing only; all recipients disregard it.</summary>
    Test,

    /// <summary>A preliminary template or draft, not actionable in its current form.</summary>
    Draft,
}
