namespace Egov.Modules.Announcements.Domain;

/// <summary>
/// Publication workflow: Draft → Scheduled → Published → Expired, or Archived from any state but
/// Archived. Published may also be reached directly from Draft ("publish now").
/// </summary>
internal enum AnnouncementStatus
{
    /// <summary>Being written; only staff see it.</summary>
    Draft,

    /// <summary>Waiting for its publish-at time; the scheduler publishes it then.</summary>
    Scheduled,

    /// <summary>Public.</summary>
    Published,

    /// <summary>Past its expire-at time; no longer listed, still readable by id.</summary>
    Expired,

    /// <summary>Taken down by staff; no longer public.</summary>
    Archived,
}
