using System.Text;
using System.Xml.Linq;
using Egov.Modules.Announcements.Engines.Syndication;

namespace Egov.Modules.Announcements.Tests.Engines.Syndication;

/// <summary>
/// The feed writers: Atom 1.0 (RFC 4287) and RSS 2.0 (RSS Advisory Board), with the CAP 1.2 facts of alerts in the
/// Atom index. Read back with LINQ to XML, as a feed reader would.
/// </summary>
public sealed class FeedWriterTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    // 2026-10-25 00:30 UTC is 02:30 summer time in Berlin, half an hour before the clocks go back.
    private static readonly DateTimeOffset Published = new(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AtomWriter_WritesFeedAndEntryWithUrnIdsRfc3339TimesAndPlainTextTitles()
    {
        var feed = Root(AtomWriter.Write(Feed(Entry(title: "Straßenfest <Altstadt> & Markt"))));

        Assert.Equal("https://stadt.example/feeds/announcements.atom", (string?)feed.Element(Atom + "id"));
        Assert.Equal("de-DE", (string?)feed.Attribute(XNamespace.Xml + "lang"));
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal("urn:uuid:0b6f2b64-2c38-4a4e-9d6e-2f4e0f2f7d11", (string?)entry.Element(Atom + "id"));
        Assert.Equal("2026-10-25T00:30:00Z", (string?)entry.Element(Atom + "published"));
        var title = entry.Element(Atom + "title")!;
        Assert.Equal("text", (string?)title.Attribute("type"));
        Assert.Equal("Straßenfest <Altstadt> & Markt", title.Value);
        Assert.Equal("html", (string?)entry.Element(Atom + "content")!.Attribute("type"));
        Assert.Equal("<p>Am <strong>Samstag</strong></p>", entry.Element(Atom + "content")!.Value);
        Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate" && (string?)l.Attribute("href") == "https://stadt.example/announcements/strassenfest");
    }

    [Fact]
    public void AtomWriter_OfAnAlert_AddsTheCapFactsWithBerlinOffsets()
    {
        var alert = new FeedAlertFacts("Alert", "Sturmböen", "Met", "Immediate", "Severe", "Likely", Published, Published.AddHours(6), "Stadtgebiet");

        var feed = Root(AtomWriter.Write(Feed(Entry(alert: alert))));

        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal("Severe", (string?)entry.Element(Cap + "severity"));
        Assert.Equal("2026-10-25T02:30:00+02:00", (string?)entry.Element(Cap + "onset"));
        Assert.Equal("2026-10-25T07:30:00+01:00", (string?)entry.Element(Cap + "expires"));
    }

    [Fact]
    public void RssWriter_WritesItemsWithRfc822DatesAndAGuidThatIsNoPermalink()
    {
        var rss = XDocument.Parse(Encoding.UTF8.GetString(RssWriter.Write(Feed(Entry())))).Root!;

        Assert.Equal("2.0", (string?)rss.Attribute("version"));
        var channel = rss.Element("channel")!;
        Assert.Equal("Sun, 25 Oct 2026 00:30:00 GMT", (string?)channel.Element("lastBuildDate"));
        Assert.Equal("self", (string?)channel.Element(Atom + "link")!.Attribute("rel"));
        var item = Assert.Single(channel.Elements("item"));
        Assert.Equal("Sun, 25 Oct 2026 00:30:00 GMT", (string?)item.Element("pubDate"));
        Assert.Equal("false", (string?)item.Element("guid")!.Attribute("isPermaLink"));
        Assert.Equal("urn:uuid:0b6f2b64-2c38-4a4e-9d6e-2f4e0f2f7d11", (string?)item.Element("guid"));
        Assert.Null(item.Element(Atom + "updated"));
    }

    [Fact]
    public void Writers_WhenATextHoldsAControlCharacter_DropItAndStillWriteWellFormedXml()
    {
        var feed = Feed(Entry(title: "Sperrung\u0001 Hauptstraße"));

        Assert.Equal("Sperrung Hauptstraße", (string?)Root(AtomWriter.Write(feed)).Element(Atom + "entry")!.Element(Atom + "title"));
        Assert.Equal("Sperrung Hauptstraße", (string?)XDocument.Parse(Encoding.UTF8.GetString(RssWriter.Write(feed))).Root!.Element("channel")!.Element("item")!.Element("title"));
    }

    private static XElement Root(byte[] bytes) => XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!;

    private static FeedDocument Feed(FeedEntry entry) => new(
        "Meldungen der Stadt", "Nachrichten, Bekanntmachungen, Termine", "de-DE", "Stadt Beispielstadt", new Uri("https://stadt.example/"),
        new Uri("https://stadt.example/feeds/announcements.atom"), new Uri("https://stadt.example/announcements"), Published, [entry]);

    private static FeedEntry Entry(string title = "Straßenfest", FeedAlertFacts? alert = null) => new(
        Guid.Parse("0b6f2b64-2c38-4a4e-9d6e-2f4e0f2f7d11"), title, "Am Samstag", "<p>Am <strong>Samstag</strong></p>", "de",
        new Uri("https://stadt.example/announcements/strassenfest"), [new FeedCategory("events", "Veranstaltungen")],
        Published, Published, Corrected: false, [], alert);
}
