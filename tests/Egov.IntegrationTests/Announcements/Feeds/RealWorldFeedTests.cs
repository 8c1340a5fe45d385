using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Egov.IntegrationTests.Announcements.Feeds;

/// <summary>
/// The strict reader the feed tests rely on, against feeds others published
/// (<c>tests/testdata/feeds</c>, see its SOURCES.md): it must accept real feeds — else its
/// verdict on ours would mean little — and refuse what the formats forbid.
/// </summary>
public sealed class RealWorldFeedTests
{
    [Fact]
    public void StrictReader_WithRealWorldFeeds_AcceptsTheValidOnesAndRefusesTheChannelWithoutTitle()
    {
        var folder = FeedSamples.SharedFeedTestData();
        var invalid = File.ReadAllBytes(Path.Combine(folder, "invalid_rss_from_cap_library.rss.xml"));

        var rss = StrictFeedReader.Load(File.ReadAllBytes(Path.Combine(folder, "bundesregierung_pressemitteilungen_rss_excerpt_anonymised.xml")));
        var atom = StrictFeedReader.Load(File.ReadAllBytes(Path.Combine(folder, "nws_cap_index_atom_2010.atom.xml")));

        Assert.Equal("Pressemitteilungen", rss.Title.Text);
        Assert.Equal(4, rss.Items.Count());
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 10, 45, 0, TimeSpan.Zero), rss.Items.First().PublishDate);
        Assert.Contains(rss.Items, i => i.Title.Text.Contains("Präsidenten", StringComparison.Ordinal));
        Assert.Equal(2, atom.Items.Count());
        Assert.Equal(new DateTimeOffset(2010, 8, 30, 23, 4, 0, TimeSpan.FromHours(-4)), atom.Items.First().LastUpdatedTime);

        // SyndicationFeed alone takes the titleless channel (as an empty title); the required-element check refuses it.
        using (var reader = XmlReader.Create(new MemoryStream(invalid), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            Assert.True(string.IsNullOrEmpty(SyndicationFeed.Load(reader).Title?.Text));
        }

        var error = Assert.Throws<InvalidDataException>(() => StrictFeedReader.Load(invalid));
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictReader_WithDocumentTypeDeclaration_RefusesIt()
    {
        var hostile = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
            "<rss version=\"2.0\"><channel><title>&x;</title><link>https://example.org/</link><description>d</description></channel></rss>");

        Assert.Throws<XmlException>(() => StrictFeedReader.Load(hostile));
    }
}
