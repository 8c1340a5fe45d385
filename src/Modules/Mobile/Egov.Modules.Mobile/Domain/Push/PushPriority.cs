namespace Egov.Modules.Mobile.Domain.Push;

/// <summary>
/// Which lane a push job goes in. Alert jobs are claimed before any routine job, and by a worker
/// loop of their own, so that routine work (status changes, announcements) never delays a warning.
/// Stored as its number; a higher number is claimed first.
/// </summary>
internal enum PushPriority
{
    /// <summary>Application status changes and announcements.</summary>
    Routine = 0,

    /// <summary>Alerts and their all-clear.</summary>
    Alert = 1,
}
