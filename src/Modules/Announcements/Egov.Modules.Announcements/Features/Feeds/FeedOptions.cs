namespace Egov.Modules.Announcements.Features.Feeds;

/// <summary>
/// What the feeds say about their publisher (section <c>Egov:Announcements:Feeds</c>). The texts are
/// German whatever the <c>lang</c> of a feed: only the entries have language variants.
/// </summary>
internal sealed class FeedOptions
{
    public const string SectionName = "Egov:Announcements:Feeds";

    /// <summary>Publisher: the Atom <c>author</c> of every feed and the iCalendar product name.</summary>
    public string Publisher { get; set; } = "Stadt Musterstadt";

    /// <summary>Title of the announcements feeds (RSS <c>channel/title</c>, Atom <c>feed/title</c>).</summary>
    public string AnnouncementsTitle { get; set; } = "Stadt Musterstadt – Meldungen";

    /// <summary>Description of the announcements feeds (RSS <c>channel/description</c>, Atom <c>feed/subtitle</c>).</summary>
    public string AnnouncementsDescription { get; set; } =
        "Nachrichten, amtliche Bekanntmachungen, Veranstaltungen und Warnungen der Stadt Musterstadt";

    /// <summary>Title of the alerts feed.</summary>
    public string AlertsTitle { get; set; } = "Stadt Musterstadt – Aktuelle Warnungen";

    /// <summary>Description of the alerts feed (Atom <c>feed/subtitle</c>).</summary>
    public string AlertsDescription { get; set; } =
        "Warnungen der Stadt Musterstadt, die jetzt gelten; jeder Eintrag verweist auf die vollständige Meldung im Format CAP 1.2";
}
