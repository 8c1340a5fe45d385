namespace Egov.Modules.Announcements.Contracts;

/// <summary>
/// The kinds of announcement, spelled exactly as they travel: in <see cref="AnnouncementPublishedIntegrationEvent.Kind"/>,
/// in the <c>kind</c> of the JSON API (<c>/api/v1/announcements</c>, case-sensitive in request bodies) and in the
/// feeds' <c>kind</c> filter. Compare with <see cref="string.Equals(string, string)"/> (ordinal).
/// </summary>
public static class AnnouncementKinds
{
    /// <summary>City news (Meldung); goes out without approval.</summary>
    public const string News = "News";

    /// <summary>Amtliche Bekanntmachung: an official notice with the date it takes legal effect; needs an Approver (four eyes).</summary>
    public const string OfficialNotice = "OfficialNotice";

    /// <summary>An event with start, end (Europe/Berlin) and place.</summary>
    public const string Event = "Event";

    /// <summary>
    /// A crisis warning with CAP 1.2 content (OASIS CAP 1.2); besides <see cref="AnnouncementPublishedIntegrationEvent"/> it
    /// raises the alert events (<see cref="AlertIssuedIntegrationEvent"/> and its Update and Cancel), which carry the crisis path.
    /// </summary>
    public const string Alert = "Alert";

    /// <summary>All four, in the order the API lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [News, OfficialNotice, Event, Alert];
}
