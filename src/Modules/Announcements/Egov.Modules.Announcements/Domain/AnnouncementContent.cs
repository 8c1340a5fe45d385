namespace Egov.Modules.Announcements.Domain;

/// <summary>
/// What an announcement says, stored as one JSON document per revision: language variants, images,
/// links and the kind's own facts (legal effect of an official notice, time and place of an event,
/// CAP content of an alert).
/// </summary>
/// <param name="Variants">Language variants; German (<c>de</c>) is required, English (<c>en</c>) and plain language (<c>de-x-ls</c>) optional.</param>
/// <param name="Images">Images, each with required alt text (BITV 2.0 / WCAG 2.1 SC 1.1.1).</param>
/// <param name="Links">Further links.</param>
/// <param name="LegalEffectDate">OfficialNotice: the date it takes legal effect (a calendar date in Europe/Berlin).</param>
/// <param name="Event">Event: start, end, place.</param>
/// <param name="Alert">Alert: the CAP 1.2 content.</param>
internal sealed record AnnouncementContent(
    IReadOnlyList<AnnouncementVariant> Variants,
    IReadOnlyList<AnnouncementImage> Images,
    IReadOnlyList<AnnouncementLink> Links,
    DateOnly? LegalEffectDate,
    EventDetails? Event,
    AlertDetails? Alert)
{
    /// <summary>The German variant (always present once validated).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AnnouncementVariant German => Variants.First(v => v.Language == AnnouncementLanguages.German);

    /// <summary>The variant in <paramref name="language"/>, else German.</summary>
    public AnnouncementVariant In(string? language) => Variants.FirstOrDefault(v => v.Language == language) ?? German;
}

/// <summary>One language variant: title, plain-text summary, Markdown body and its sanitised HTML.</summary>
/// <param name="Language"><c>de</c>, <c>en</c> or <c>de-x-ls</c> (Leichte Sprache, BCP 47 private use).</param>
/// <param name="Title">Title, plain text.</param>
/// <param name="Summary">Summary, plain text.</param>
/// <param name="BodyMarkdown">Body as entered (CommonMark).</param>
/// <param name="BodyHtml">Body rendered by Markdig and cleaned by HtmlSanitizer; the only HTML ever served.</param>
internal sealed record AnnouncementVariant(string Language, string Title, string Summary, string BodyMarkdown, string BodyHtml);

/// <summary>An image: absolute https URL, alt text (required), optional caption.</summary>
internal sealed record AnnouncementImage(Uri Url, string AltText, string? Caption);

/// <summary>A link: absolute http(s) URL and its text.</summary>
internal sealed record AnnouncementLink(Uri Url, string Title);

/// <summary>An event's time (UTC instants) and place.</summary>
internal sealed record EventDetails(DateTimeOffset Start, DateTimeOffset End, string Place);

/// <summary>
/// CAP 1.2 content of an alert (OASIS CAP 1.2 §3.2): what, how bad, what to do, where and when.
/// </summary>
/// <param name="MsgType"><c>Alert</c>, <c>Update</c> or <c>Cancel</c>.</param>
/// <param name="References">Ids of the alerts this one updates or cancels (required for Update and Cancel).</param>
/// <param name="Event">The event type, e.g. "Sturmböen".</param>
/// <param name="Category">CAP category: Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other.</param>
/// <param name="Urgency">Immediate, Expected, Future, Past, Unknown.</param>
/// <param name="Severity">Extreme, Severe, Moderate, Minor, Unknown.</param>
/// <param name="Certainty">Observed, Likely, Possible, Unlikely, Unknown.</param>
/// <param name="ResponseType">Shelter, Evacuate, Prepare, Execute, Avoid, Monitor, Assess, AllClear, None.</param>
/// <param name="Instruction">What people should do.</param>
/// <param name="Onset">When the hazard begins (UTC).</param>
/// <param name="Expires">When the alert expires (UTC); after onset.</param>
/// <param name="SenderName">Who issues it, e.g. "Stadt Musterstadt – Krisenstab".</param>
/// <param name="Contact">How to reach the issuer.</param>
/// <param name="Web">A web page with more.</param>
/// <param name="Areas">Where: description with polygons, circles or geocodes.</param>
/// <param name="ImportedFrom">For a re-published official warning: its CAP reference <c>sender,identifier,sent</c> (CAP 1.2 §3.2.1).</param>
internal sealed record AlertDetails(
    string MsgType,
    IReadOnlyList<Guid> References,
    string Event,
    string Category,
    string Urgency,
    string Severity,
    string Certainty,
    string ResponseType,
    string Instruction,
    DateTimeOffset Onset,
    DateTimeOffset Expires,
    string SenderName,
    string? Contact,
    Uri? Web,
    IReadOnlyList<AlertArea> Areas,
    string? ImportedFrom = null);

/// <summary>A CAP area (§3.2.4): description and at least one of polygons, circles, geocodes.</summary>
/// <param name="Description">areaDesc, e.g. "Innenstadt".</param>
/// <param name="Polygons">Closed rings of WGS 84 points [latitude, longitude]; first equals last; at least 4 points.</param>
/// <param name="Circles">Centre [latitude, longitude] and radius in kilometres.</param>
/// <param name="Geocodes">Name/value pairs, e.g. <c>ARS</c> = <c>051110000000</c> (Amtlicher Regionalschlüssel).</param>
internal sealed record AlertArea(
    string Description,
    IReadOnlyList<IReadOnlyList<double[]>> Polygons,
    IReadOnlyList<AlertCircle> Circles,
    IReadOnlyList<AlertGeocode> Geocodes);

/// <summary>A circle: WGS 84 centre and radius in km.</summary>
internal sealed record AlertCircle(double Latitude, double Longitude, double RadiusKm);

/// <summary>A geocode: value name and value.</summary>
internal sealed record AlertGeocode(string ValueName, string Value);

/// <summary>The language variants Egov serves.</summary>
internal static class AnnouncementLanguages
{
    public const string German = "de";
    public const string English = "en";

    /// <summary>Leichte Sprache (plain German), as a BCP 47 private-use subtag.</summary>
    public const string PlainGerman = "de-x-ls";

    public static IReadOnlyList<string> All { get; } = [German, English, PlainGerman];
}
