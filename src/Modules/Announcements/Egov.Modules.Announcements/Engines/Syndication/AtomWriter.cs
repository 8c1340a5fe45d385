using System.Globalization;
using System.Xml;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Announcements.Engines.Syndication;

/// <summary>
/// Writes a <see cref="FeedDocument"/> as Atom 1.0 (RFC 4287): feed <c>id</c> (the self address),
/// <c>title</c>, <c>subtitle</c>, <c>updated</c>, <c>author</c>, <c>link rel="self"</c> and
/// <c>rel="alternate"</c>; entries (with <c>xml:lang</c> of their variant) with <c>id</c>
/// (<c>urn:uuid:</c>), <c>title</c> (text), <c>updated</c> (corrected-at, else published-at),
/// <c>published</c>, <c>link rel="alternate"</c> (the web page; further ones by media type, e.g. the
/// CAP message), <c>category term label</c>, <c>summary</c> (text) and <c>content type="html"</c>
/// (escaped HTML, §3.1.1.2). Alerts carry their CAP facts as <c>cap:</c> elements (OASIS CAP 1.2 names).
/// </summary>
internal static class AtomWriter
{
    /// <summary>The media type of Atom feeds (RFC 4287 §7).</summary>
    public const string MediaType = "application/atom+xml";

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    public static byte[] Write(FeedDocument feed) => FeedXml.Write(writer =>
    {
        writer.WriteStartElement("feed", FeedXml.AtomNamespace);
        if (feed.Entries.Any(e => e.Alert is not null))
        {
            writer.WriteAttributeString("xmlns", "cap", null, FeedXml.CapNamespace);
        }

        writer.WriteAttributeString("xml", "lang", XmlNamespace, feed.Language);
        FeedXml.Element(writer, "id", feed.Self.AbsoluteUri);
        Text(writer, "title", feed.Title);
        Text(writer, "subtitle", feed.Description);
        FeedXml.Element(writer, "updated", FeedXml.Rfc3339(feed.Updated));
        writer.WriteStartElement("author");
        FeedXml.Element(writer, "name", feed.Publisher);
        FeedXml.Element(writer, "uri", feed.PublisherUri.AbsoluteUri);
        writer.WriteEndElement();
        Link(writer, "self", MediaType, feed.Self);
        Link(writer, "alternate", "text/html", feed.Page);
        FeedXml.Element(writer, "generator", "Egov");

        foreach (var entry in feed.Entries)
        {
            WriteEntry(writer, entry);
        }

        writer.WriteEndElement();
    });

    private static void WriteEntry(XmlWriter writer, FeedEntry entry)
    {
        writer.WriteStartElement("entry");
        writer.WriteAttributeString("xml", "lang", XmlNamespace, entry.Language);
        FeedXml.Element(writer, "id", entry.Urn);
        Text(writer, "title", entry.Title);
        FeedXml.Element(writer, "updated", FeedXml.Rfc3339(entry.Updated));
        FeedXml.Element(writer, "published", FeedXml.Rfc3339(entry.Published));
        Link(writer, "alternate", "text/html", entry.Link);
        foreach (var alternate in entry.Alternates)
        {
            Link(writer, "alternate", alternate.MediaType, alternate.Href);
        }

        foreach (var category in entry.Categories)
        {
            writer.WriteStartElement("category");
            FeedXml.Attribute(writer, "term", category.Term);
            if (category.Label is { } label)
            {
                FeedXml.Attribute(writer, "label", label);
            }

            writer.WriteEndElement();
        }

        Text(writer, "summary", entry.Summary);
        writer.WriteStartElement("content");
        writer.WriteAttributeString("type", "html");
        writer.WriteString(FeedXml.Clean(entry.ContentHtml));
        writer.WriteEndElement();
        if (entry.Alert is { } alert)
        {
            WriteCapFacts(writer, alert);
        }

        writer.WriteEndElement();
    }

    private static void WriteCapFacts(XmlWriter writer, FeedAlertFacts alert)
    {
        FeedXml.Element(writer, "msgType", alert.MsgType, FeedXml.CapNamespace);
        FeedXml.Element(writer, "event", alert.Event, FeedXml.CapNamespace);
        FeedXml.Element(writer, "category", alert.Category, FeedXml.CapNamespace);
        FeedXml.Element(writer, "urgency", alert.Urgency, FeedXml.CapNamespace);
        FeedXml.Element(writer, "severity", alert.Severity, FeedXml.CapNamespace);
        FeedXml.Element(writer, "certainty", alert.Certainty, FeedXml.CapNamespace);

        // CAP 1.2 §3.3.2: date-times with an explicit offset, no "Z"; as German warnings do, in Europe/Berlin (+01:00 or +02:00).
        FeedXml.Element(writer, "onset", CapTime(alert.Onset), FeedXml.CapNamespace);
        FeedXml.Element(writer, "expires", CapTime(alert.Expires), FeedXml.CapNamespace);
        FeedXml.Element(writer, "areaDesc", alert.AreaDescription, FeedXml.CapNamespace);
    }

    private static string CapTime(DateTimeOffset instant) =>
        CivilTime.ToBerlin(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A text construct (RFC 4287 §3.1) of type text: plain text, never markup.</summary>
    private static void Text(XmlWriter writer, string localName, string text)
    {
        writer.WriteStartElement(localName);
        writer.WriteAttributeString("type", "text");
        writer.WriteString(FeedXml.Clean(text));
        writer.WriteEndElement();
    }

    private static void Link(XmlWriter writer, string rel, string mediaType, Uri href)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", mediaType);
        FeedXml.Attribute(writer, "href", href.AbsoluteUri);
        writer.WriteEndElement();
    }
}
