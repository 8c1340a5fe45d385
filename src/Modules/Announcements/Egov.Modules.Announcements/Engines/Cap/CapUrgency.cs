namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>The urgency of the subject event (<c>&lt;urgency&gt;</c>, CAP 1.2 §3.2.2): the time available to prepare.</summary>
internal enum CapUrgency
{
    /// <summary>Responsive action should be taken immediately.</summary>
    Immediate,

    /// <summary>Responsive action should be taken soon (within the next hour).</summary>
    Expected,

    /// <summary>Responsive action should be taken in the near future.</summary>
    Future,

    /// <summary>Responsive action is no longer required.</summary>
    Past,

    /// <summary>Urgency not known.</summary>
    Unknown,
}
