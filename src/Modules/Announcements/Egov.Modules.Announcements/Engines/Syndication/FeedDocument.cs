namespace Egov.Modules.Announcements.Engines.Syndication;

/// <summary>
/// A feed as both formats need it, before it is written as RSS 2.0 (<see cref="RssWriter"/>) or
/// Atom 1.0 (<see cref="AtomWriter"/>). Every instant is UTC; every link is absolute and made from
/// <c>Egov:PublicBaseAddress</c>, never from the request's Host header.
/// </summary>
/// <param name="Title">Feed title, plain text.</param>
/// <param name="Description">Feed description (RSS) or subtitle (Atom), plain text.</param>
/// <param name="Language">Language tag of the feed (BCP 47, e.g. <c>de-DE</c>).</param>
/// <param name="Publisher">Who publishes it: the Atom author.</param>
/// <param name="PublisherUri">The publisher's web address (the public base address).</param>
/// <param name="Self">The feed's own address, with its filters (RSS <c>atom:link rel="self"</c>, Atom <c>link rel="self"</c> and <c>id</c>).</param>
/// <param name="Page">The web page that lists the same (channel link, Atom <c>rel="alternate"</c>).</param>
/// <param name="Updated">The newest entry's <see cref="FeedEntry.Updated"/>; the Unix epoch for an empty feed, so that the bytes (and the ETag) stay the same until an entry changes.</param>
/// <param name="Entries">Entries, newest publication first.</param>
internal sealed record FeedDocument(
    string Title,
    string Description,
    string Language,
    string Publisher,
    Uri PublisherUri,
    Uri Self,
    Uri Page,
    DateTimeOffset Updated,
    IReadOnlyList<FeedEntry> Entries);

/// <summary>One announcement in a feed.</summary>
/// <param name="Id">Announcement id; written as <c>urn:uuid:</c> (RFC 9562, RFC 4122 URN namespace).</param>
/// <param name="Title">Title, plain text (never markup).</param>
/// <param name="Summary">Summary, plain text.</param>
/// <param name="ContentHtml">The sanitised HTML body, led by the "updated" note of a correction; markup built here encodes every user text.</param>
/// <param name="Language">Language tag of this entry's variant (German where the asked-for one is missing).</param>
/// <param name="Link">The announcement's web page, <c>{PublicBaseAddress}announcements/{slug}</c>.</param>
/// <param name="Categories">Category codes with their labels.</param>
/// <param name="Published">When it became public (UTC).</param>
/// <param name="Updated">When it was corrected, else when it became public (UTC).</param>
/// <param name="Corrected">Whether it was corrected after publication (the "updated" mark).</param>
/// <param name="Alternates">Further representations (Atom <c>link rel="alternate"</c> with a media type), e.g. the CAP 1.2 message of an alert.</param>
/// <param name="Alert">An alert's CAP facts, written as <c>cap:</c> elements in the alerts feed; null otherwise.</param>
internal sealed record FeedEntry(
    Guid Id,
    string Title,
    string Summary,
    string ContentHtml,
    string Language,
    Uri Link,
    IReadOnlyList<FeedCategory> Categories,
    DateTimeOffset Published,
    DateTimeOffset Updated,
    bool Corrected,
    IReadOnlyList<FeedLink> Alternates,
    FeedAlertFacts? Alert)
{
    /// <summary>The entry's id as a URN (<c>urn:uuid:…</c>, lower-case hex).</summary>
    public string Urn => $"urn:uuid:{Id:D}";
}

/// <summary>A category: the code (the <c>category</c> filter's value) and its German label, if the city defined one.</summary>
internal sealed record FeedCategory(string Term, string? Label);

/// <summary>A link to another representation of an entry.</summary>
/// <param name="Href">Absolute address.</param>
/// <param name="MediaType">Its media type, e.g. <c>application/cap+xml</c>.</param>
internal sealed record FeedLink(Uri Href, string MediaType);

/// <summary>
/// The CAP 1.2 facts an alerts index shows without fetching the message (as the US National Weather
/// Service's CAP Atom index does): OASIS CAP 1.2 §3.2.1–3.2.2 element names and values.
/// </summary>
/// <param name="MsgType">Alert or Update (Cancel never appears: a cancelled alert is not active).</param>
/// <param name="Event">The event type, e.g. "Sturmböen".</param>
/// <param name="Category">CAP category, e.g. Met.</param>
/// <param name="Urgency">CAP urgency.</param>
/// <param name="Severity">CAP severity.</param>
/// <param name="Certainty">CAP certainty.</param>
/// <param name="Onset">When the hazard begins (UTC).</param>
/// <param name="Expires">When the alert expires (UTC).</param>
/// <param name="AreaDescription">The areas' descriptions, joined with "; ".</param>
internal sealed record FeedAlertFacts(
    string MsgType,
    string Event,
    string Category,
    string Urgency,
    string Severity,
    string Certainty,
    DateTimeOffset Onset,
    DateTimeOffset Expires,
    string AreaDescription);
