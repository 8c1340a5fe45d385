namespace Egov.Modules.Announcements.Domain;

/// <summary>What an announcement is; decides its workflow and feeds.</summary>
internal enum AnnouncementKind
{
    /// <summary>City news.</summary>
    News,

    /// <summary>Amtliche Bekanntmachung: an official notice with the date it takes legal effect.</summary>
    OfficialNotice,

    /// <summary>An event with start, end and place.</summary>
    Event,

    /// <summary>A crisis warning (CAP 1.2 alert).</summary>
    Alert,
}
