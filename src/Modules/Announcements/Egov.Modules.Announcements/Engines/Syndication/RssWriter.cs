using System.Xml;

namespace Egov.Modules.Announcements.Engines.Syndication;

/// <summary>
/// Writes a <see cref="FeedDocument"/> as RSS 2.0 (RSS Advisory Board specification 2.0.11):
/// channel <c>title</c>, <c>link</c>, <c>description</c>, <c>language</c>, <c>lastBuildDate</c>,
/// <c>atom:link rel="self"</c> (RSS Best Practices Profile); items with <c>title</c>, <c>link</c>,
/// <c>description</c> (escaped HTML), <c>category</c> (the code), <c>guid isPermaLink="false"</c>
/// (<c>urn:uuid:</c>), <c>pubDate</c> (RFC 822, English names, GMT) and, for a corrected item,
/// <c>atom:updated</c> (RFC 4287 §4.2.15), since RSS 2.0 has no element for it; the visible mark is
/// the note at the head of the description.
/// </summary>
internal static class RssWriter
{
    /// <summary>The media type of RSS feeds (RSS Advisory Board; not registered with IANA, but what readers expect).</summary>
    public const string MediaType = "application/rss+xml";

    public static byte[] Write(FeedDocument feed) => FeedXml.Write(writer =>
    {
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "atom", null, FeedXml.AtomNamespace);
        writer.WriteStartElement("channel");
        FeedXml.Element(writer, "title", feed.Title);
        FeedXml.Element(writer, "link", feed.Page.AbsoluteUri);
        FeedXml.Element(writer, "description", feed.Description);
        FeedXml.Element(writer, "language", feed.Language);
        if (feed.Entries.Count > 0)
        {
            FeedXml.Element(writer, "lastBuildDate", FeedXml.Rfc822(feed.Updated));
        }

        FeedXml.Element(writer, "generator", "Egov");
        writer.WriteStartElement("link", FeedXml.AtomNamespace);
        FeedXml.Attribute(writer, "href", feed.Self.AbsoluteUri);
        writer.WriteAttributeString("rel", "self");
        writer.WriteAttributeString("type", MediaType);
        writer.WriteEndElement();

        foreach (var entry in feed.Entries)
        {
            WriteItem(writer, entry);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    private static void WriteItem(XmlWriter writer, FeedEntry entry)
    {
        writer.WriteStartElement("item");
        FeedXml.Element(writer, "title", entry.Title);
        FeedXml.Element(writer, "link", entry.Link.AbsoluteUri);
        FeedXml.Element(writer, "description", entry.ContentHtml);
        foreach (var category in entry.Categories)
        {
            FeedXml.Element(writer, "category", category.Term);
        }

        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "false");
        writer.WriteString(entry.Urn);
        writer.WriteEndElement();
        FeedXml.Element(writer, "pubDate", FeedXml.Rfc822(entry.Published));
        if (entry.Corrected)
        {
            FeedXml.Element(writer, "updated", FeedXml.Rfc3339(entry.Updated), FeedXml.AtomNamespace);
        }

        writer.WriteEndElement();
    }
}
