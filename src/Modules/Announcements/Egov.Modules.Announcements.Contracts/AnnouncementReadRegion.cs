namespace Egov.Modules.Announcements.Contracts;

/// <summary>
/// The read region of the Announcements module's public data (announcements, alerts, their feeds
/// and pages): cached public reads made from it are invalidated by every committed change of an
/// announcement (ADR 0015). Pages of other modules that show announcement data (the alert banner of
/// every portal page) name it too.
/// </summary>
public static class AnnouncementReadRegion
{
    /// <summary>The region name.</summary>
    public const string Name = "announcements";
}
