using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Egov.IntegrationTests.Announcements.Feeds;

/// <summary>
/// Reads a feed as a strict consumer would: well-formed XML 1.0 with DTDs prohibited (no entity
/// expansion, no external resolution), loaded by <see cref="SyndicationFeed.Load(XmlReader)"/>, and
/// checked for the elements the formats require, which SyndicationFeed alone does not insist on
/// (it loads an RSS channel without a title as an empty title).
/// </summary>
internal static partial class StrictFeedReader
{
    public const string Atom = "http://www.w3.org/2005/Atom";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CheckCharacters = true,
    };

    /// <summary>The feed, after the XML and required-element checks.</summary>
    /// <exception cref="XmlException">Not well-formed, or has a DTD.</exception>
    /// <exception cref="InvalidDataException">A required element is missing or empty.</exception>
    public static SyndicationFeed Load(byte[] xml)
    {
        var document = Document(xml);
        RequireElements(document);
        using var reader = XmlReader.Create(new MemoryStream(xml), Settings);
        return SyndicationFeed.Load(reader);
    }

    /// <summary>The document as XML, with the same reader settings.</summary>
    public static XDocument Document(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), Settings);
        return XDocument.Load(reader);
    }

    /// <summary>
    /// RSS 2.0 ("Required channel elements": title, link, description; an item has a title or a
    /// description) and Atom 1.0 (RFC 4287 §4.1.1, §4.1.2: id, title and updated once each in the
    /// feed and in every entry; dates as RFC 3339).
    /// </summary>
    private static void RequireElements(XDocument document)
    {
        var root = document.Root ?? throw new InvalidDataException("No root element.");
        if (root.Name == "rss")
        {
            if ((string?)root.Attribute("version") != "2.0")
            {
                throw new InvalidDataException("RSS: version is not 2.0.");
            }

            var channel = root.Elements("channel").SingleOrDefault() ?? throw new InvalidDataException("RSS: not exactly one channel.");
            foreach (var name in new[] { "title", "link", "description" })
            {
                if (string.IsNullOrWhiteSpace((string?)channel.Element(name)))
                {
                    throw new InvalidDataException($"RSS: the channel has no {name}.");
                }
            }

            if (channel.Elements("item").Any(i => i.Element("title") is null && i.Element("description") is null))
            {
                throw new InvalidDataException("RSS: an item has neither title nor description.");
            }
        }
        else if (root.Name == XName.Get("feed", Atom))
        {
            RequireAtom(root, "feed");
            foreach (var entry in root.Elements(XName.Get("entry", Atom)))
            {
                RequireAtom(entry, "entry");
            }
        }
        else
        {
            throw new InvalidDataException($"Neither RSS nor Atom: <{root.Name}>.");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Pattern();

    private static void RequireAtom(XElement element, string what)
    {
        foreach (var name in new[] { "id", "title", "updated" })
        {
            var found = element.Elements(XName.Get(name, Atom)).ToList();
            if (found.Count != 1 || string.IsNullOrWhiteSpace(found[0].Value))
            {
                throw new InvalidDataException($"Atom: the {what} needs exactly one {name}.");
            }
        }

        foreach (var date in element.Elements().Where(e => e.Name == XName.Get("updated", Atom) || e.Name == XName.Get("published", Atom)))
        {
            if (!Rfc3339Pattern().IsMatch(date.Value) || !DateTimeOffset.TryParse(date.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new InvalidDataException($"Atom: '{date.Value}' is not an RFC 3339 date.");
            }
        }
    }
}
