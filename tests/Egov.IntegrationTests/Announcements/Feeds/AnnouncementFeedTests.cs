using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Announcements.Feeds;

/// <summary>
/// <c>/feeds/announcements.rss</c> and <c>/feeds/announcements.atom</c> read back by strict parsers
/// (<see cref="StrictFeedReader"/>): 59 public announcements (the newest 50 are listed), one of them
/// corrected, one with umlauts and typographic quotes, one with a script in its title, an event, an
/// official notice; an expired one and a draft that must not appear.
/// </summary>
public sealed partial class AnnouncementFeedTests(AnnouncementFeedTests.Factory factory) : IClassFixture<AnnouncementFeedTests.Factory>
{
    private const string Rss = "/feeds/announcements.rss";
    private const string AtomFeed = "/feeds/announcements.atom";

    [Fact]
    public async Task Rss_WithGermanCurrentCulture_WritesPubDatesInRfc822WithEnglishNames()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            // The test server runs the request in this execution context (PreserveExecutionContext), so the host formats under de-DE too.
            Assert.NotEqual("Sun", CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(DayOfWeek.Sunday));
            using var client = factory.CreateClient();

            var (_, xml) = await GetAsync(client, Rss);

            var feed = StrictFeedReader.Load(xml);
            var items = Items(xml);
            Assert.Equal(50, items.Count);
            foreach (var (item, parsed) in items.Zip(feed.Items))
            {
                var pubDate = item.Element("pubDate")!.Value;
                Assert.Matches(Rfc822Gmt(), pubDate);
                var exact = DateTimeOffset.ParseExact(pubDate, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                Assert.Equal(exact, parsed.PublishDate);
            }

            var eventItem = items.Single(i => Guid(i) == factory.Event.Id);
            Assert.Equal("Mon, 02 Nov 2026 12:00:00 GMT", eventItem.Element("pubDate")!.Value);
            Assert.Equal(factory.Event.PublishedAt, feed.Items.Single(i => i.Id == $"urn:uuid:{factory.Event.Id}").PublishDate);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    [Fact]
    public async Task Rss_Always_IsRss20OfTheNewest50WithLinksFromThePublicBaseAddress()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Rss);
        request.Headers.Host = "attacker.example";

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var xml = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFeedHeaders(response, "application/rss+xml");
        Assert.Equal("de-DE", response.Content.Headers.ContentLanguage.Single());
        var feed = StrictFeedReader.Load(xml);
        Assert.Equal("Stadt Musterstadt – Meldungen", feed.Title.Text);
        var channel = StrictFeedReader.Document(xml).Root!.Element("channel")!;
        Assert.Equal("de-DE", channel.Element("language")!.Value);
        Assert.Equal(new Uri(FeedSamples.PublicSite, "announcements").AbsoluteUri, channel.Element("link")!.Value);
        var self = channel.Elements(XName.Get("link", StrictFeedReader.Atom)).Single();
        Assert.Equal(("self", "application/rss+xml", new Uri(FeedSamples.PublicSite, "feeds/announcements.rss").AbsoluteUri),
            ((string?)self.Attribute("rel"), (string?)self.Attribute("type"), (string?)self.Attribute("href")));

        var items = Items(xml);
        Assert.Equal(factory.PublicNewestFirst.Take(50).Select(a => a.Id), items.Select(Guid));
        Assert.All(items, i => Assert.Equal("false", (string?)i.Element("guid")!.Attribute("isPermaLink")));
        Assert.All(items.Zip(factory.PublicNewestFirst), pair =>
            Assert.Equal(new Uri(FeedSamples.PublicSite, $"announcements/{pair.Second.Slug}").AbsoluteUri, pair.First.Element("link")!.Value));
        Assert.Equal(["culture"], items.Single(i => Guid(i) == factory.Festival.Id).Elements("category").Select(c => c.Value));
        Assert.DoesNotContain("attacker.example", Encoding.UTF8.GetString(xml), StringComparison.Ordinal);
        Assert.DoesNotContain(items, i => Guid(i) == factory.Expired.Id || Guid(i) == factory.Draft.Id);
    }

    [Fact]
    public async Task Rss_CorrectedItem_HasVisibleUpdatedNoteAndAtomUpdated()
    {
        using var client = factory.CreateClient();

        var (_, xml) = await GetAsync(client, Rss);

        var items = Items(xml);
        var corrected = items.Single(i => Guid(i) == factory.Festival.Id);
        Assert.Equal("2026-11-02T10:00:00Z", corrected.Element(XName.Get("updated", StrictFeedReader.Atom))!.Value);

        // 10:00 UTC is 11:00 in Berlin (CET) on 2 November.
        Assert.StartsWith("<p><strong>Aktualisiert am 02.11.2026 um 11:00 Uhr:</strong> Öffnungszeit korrigiert: 18 statt 17 Uhr</p>",
            corrected.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Contains("öffnet um 18 Uhr", corrected.Element("description")!.Value, StringComparison.Ordinal);
        Assert.All(items.Where(i => Guid(i) != factory.Festival.Id), i => Assert.Null(i.Element(XName.Get("updated", StrictFeedReader.Atom))));
        var parsed = StrictFeedReader.Load(xml).Items.Single(i => i.Id == $"urn:uuid:{factory.Festival.Id}");
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), parsed.LastUpdatedTime);
    }

    [Fact]
    public async Task Atom_Always_IsAtom10WithIdsDatesLinksSummaryAndHtmlContent()
    {
        using var client = factory.CreateClient();

        var (response, xml) = await GetAsync(client, AtomFeed);

        AssertFeedHeaders(response, "application/atom+xml");
        var feed = StrictFeedReader.Load(xml);
        var selfAddress = new Uri(FeedSamples.PublicSite, "feeds/announcements.atom");
        Assert.Equal(selfAddress.AbsoluteUri, feed.Id);
        Assert.Equal(factory.Notice.PublishedAt, feed.LastUpdatedTime);
        Assert.Equal("Stadt Musterstadt", Assert.Single(feed.Authors).Name);
        var self = feed.Links.Single(l => l.RelationshipType == "self");
        Assert.Equal((selfAddress, "application/atom+xml"), (self.Uri, self.MediaType));
        Assert.Equal(factory.PublicNewestFirst.Take(50).Select(a => $"urn:uuid:{a.Id}"), feed.Items.Select(i => i.Id));

        var festival = feed.Items.Single(i => i.Id == $"urn:uuid:{factory.Festival.Id}");
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), festival.PublishDate);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), festival.LastUpdatedTime);
        Assert.Equal(FestivalSummary, festival.Summary.Text);
        var content = Assert.IsType<TextSyndicationContent>(festival.Content);
        Assert.Equal("html", content.Type);
        Assert.Contains("<strong>Markt</strong> öffnet um 18 Uhr", content.Text, StringComparison.Ordinal);
        Assert.Contains("Aktualisiert am 02.11.2026 um 11:00 Uhr:", content.Text, StringComparison.Ordinal);
        var category = Assert.Single(festival.Categories);
        Assert.Equal(("culture", "Kultur"), (category.Name, category.Label));
        var alternate = festival.Links.Single(l => l.RelationshipType == "alternate");
        Assert.Equal((new Uri(FeedSamples.PublicSite, "announcements/strassenfest-altstadt"), "text/html"), (alternate.Uri, alternate.MediaType));

        var eventEntry = feed.Items.Single(i => i.Id == $"urn:uuid:{factory.Event.Id}");
        Assert.Equal(factory.Event.PublishedAt, eventEntry.PublishDate);
        Assert.Equal(eventEntry.PublishDate, eventEntry.LastUpdatedTime);

        var entries = StrictFeedReader.Document(xml).Root!.Elements(XName.Get("entry", StrictFeedReader.Atom)).ToList();
        Assert.All(entries, e => Assert.Equal("de-DE", (string?)e.Attribute(XNamespace.Xml + "lang")));
        Assert.All(entries, e => Assert.Equal("text", (string?)e.Element(XName.Get("title", StrictFeedReader.Atom))!.Attribute("type")));
        Assert.All(entries, e => Assert.Equal("html", (string?)e.Element(XName.Get("content", StrictFeedReader.Atom))!.Attribute("type")));
    }

    [Theory]
    [InlineData(Rss)]
    [InlineData(AtomFeed)]
    public async Task Feeds_WithUmlautsAndTypographicQuotes_KeepThemExactly(string url)
    {
        using var client = factory.CreateClient();

        var (_, xml) = await GetAsync(client, url);

        var item = StrictFeedReader.Load(xml).Items.Single(i => i.Id == $"urn:uuid:{factory.Festival.Id}");
        Assert.Equal(FestivalTitle, item.Title.Text);
        var text = Encoding.UTF8.GetString(xml);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.Contains(FestivalTitle.Replace("&", "&amp;", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("„Äpfel“ &amp;amp; Birnen", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Rss)]
    [InlineData(AtomFeed)]
    public async Task Feeds_WithScriptInTitleAndBody_CarryItAsEscapedText(string url)
    {
        using var client = factory.CreateClient();

        var (_, xml) = await GetAsync(client, url);

        var text = Encoding.UTF8.GetString(xml);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
        var item = StrictFeedReader.Load(xml).Items.Single(i => i.Id == $"urn:uuid:{factory.Xss.Id}");
        Assert.Equal(XssTitle, item.Title.Text);
        var html = url == Rss ? item.Summary.Text : ((TextSyndicationContent)item.Content).Text;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Rss)]
    [InlineData(AtomFeed)]
    [InlineData("/feeds/announcements.rss?kind=event&lang=en")]
    [InlineData("/feeds/alerts.atom")]
    public async Task Feeds_WithMatchingIfNoneMatch_Return304(string url)
    {
        using var client = factory.CreateClient();
        var (first, _) = await GetAsync(client, url);
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(request, TestContext.Current.CancellationToken);
        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef0123456789abcdef\""));
        using var changed = await client.SendAsync(other, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal("public, max-age=60", notModified.Headers.CacheControl?.ToString());
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("?kind=event", "event")]
    [InlineData("?kind=OfficialNotice", "notice")]
    [InlineData("?category=culture", "event,festival")]
    [InlineData("?kind=news&category=culture", "festival")]
    [InlineData("?category=unknown", "")]
    public async Task Feeds_FilteredByKindOrCategory_ListOnlyMatches(string query, string expected)
    {
        using var client = factory.CreateClient();

        var (_, rss) = await GetAsync(client, Rss + query);
        var (_, atom) = await GetAsync(client, AtomFeed + query);

        var ids = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(key => $"urn:uuid:{factory.ByKey(key).Id}").ToList();
        Assert.Equal(ids, StrictFeedReader.Load(rss).Items.Select(i => i.Id));
        Assert.Equal(ids, StrictFeedReader.Load(atom).Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData(Rss)]
    [InlineData(AtomFeed)]
    public async Task Feeds_InEnglish_ShowEnglishVariantsAndGermanWhereThereIsNone(string url)
    {
        using var client = factory.CreateClient();

        var (response, xml) = await GetAsync(client, url + "?lang=en");

        var feed = StrictFeedReader.Load(xml);
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
        Assert.Equal("Street festival “Old Town” – sweets & opening hours", feed.Items.Single(i => i.Id == $"urn:uuid:{factory.Festival.Id}").Title.Text);
        Assert.Equal("Lange Nacht der Uhren", feed.Items.Single(i => i.Id == $"urn:uuid:{factory.Event.Id}").Title.Text);
        var document = StrictFeedReader.Document(xml);
        var self = document.Descendants(XName.Get("link", StrictFeedReader.Atom)).Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(new Uri(FeedSamples.PublicSite, url.TrimStart('/') + "?lang=en").AbsoluteUri, (string?)self.Attribute("href"));
        if (url == AtomFeed)
        {
            var entries = document.Root!.Elements(XName.Get("entry", StrictFeedReader.Atom)).ToList();
            Assert.Equal("en", (string?)entries.Single(e => e.Element(XName.Get("id", StrictFeedReader.Atom))!.Value == $"urn:uuid:{factory.Festival.Id}").Attribute(XNamespace.Xml + "lang"));
            Assert.Equal("de-DE", (string?)entries.Single(e => e.Element(XName.Get("id", StrictFeedReader.Atom))!.Value == $"urn:uuid:{factory.Event.Id}").Attribute(XNamespace.Xml + "lang"));
        }
    }

    [Theory]
    [InlineData(Rss + "?kind=gossip", "kind")]
    [InlineData(AtomFeed + "?lang=fr", "lang")]
    [InlineData("/feeds/alerts.atom?lang=tlh", "lang")]
    public async Task Feeds_WithInvalidParameter_Return400ProblemNamingIt(string url, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}'");
    }

    internal const string FestivalTitle = "Straßenfest „Altstadt“ – Süßes & Öffnungszeiten";

    internal const string FestivalSummary = "Größer als „je zuvor“ – mit Maß und Spaß.";

    internal const string XssTitle = "<script>alert('xss')</script> Bürgerfest";

    internal static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        return (response, body);
    }

    internal static void AssertFeedHeaders(HttpResponseMessage response, string mediaType)
    {
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Matches("^\"[0-9a-f]{32}\"$", response.Headers.ETag.Tag);
    }

    private static List<XElement> Items(byte[] xml) => [.. StrictFeedReader.Document(xml).Root!.Element("channel")!.Elements("item")];

    private static Guid Guid(XElement item) => System.Guid.Parse(item.Element("guid")!.Value["urn:uuid:".Length..]);

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$")]
    private static partial Regex Rfc822Gmt();

    public sealed class Factory : EgovApplicationFactory
    {
        private static readonly DateTimeOffset Base = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

        internal Announcement Festival { get; private set; } = null!;

        internal Announcement Xss { get; private set; } = null!;

        internal Announcement Event { get; private set; } = null!;

        internal Announcement Notice { get; private set; } = null!;

        internal Announcement Expired { get; private set; } = null!;

        internal Announcement Draft { get; private set; } = null!;

        /// <summary>Every announcement a feed may list, newest publication first.</summary>
        internal List<Announcement> PublicNewestFirst { get; } = [];

        internal Announcement ByKey(string key) => key switch
        {
            "festival" => Festival,
            "event" => Event,
            "notice" => Notice,
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();

            var german = FeedSamples.Variant("de", FestivalTitle, FestivalSummary, "Der **Markt** öffnet – „Äpfel“ & Birnen für alle.");
            var english = FeedSamples.Variant("en", "Street festival “Old Town” – sweets & opening hours", "Bigger than ever.", "The **market** opens.");
            Festival = FeedSamples.Published(AnnouncementKind.News, "strassenfest-altstadt", FeedSamples.Content(german, others: english), Base.AddHours(1), ["culture"]);
            var correctedGerman = FeedSamples.Variant("de", FestivalTitle, FestivalSummary, "Der **Markt** öffnet um 18 Uhr – „Äpfel“ & Birnen für alle.");
            var previous = Festival.Correct(FeedSamples.Content(correctedGerman, others: english), ["culture"], "Öffnungszeit korrigiert: 18 statt 17 Uhr",
                AnnouncementSamples.Editor, Base.AddHours(2));

            Xss = FeedSamples.Published(AnnouncementKind.News, "buergerfest",
                FeedSamples.Content(FeedSamples.Variant("de", XssTitle, "Ein Fest <b>für alle</b>.", "<script>alert(1)</script> und <img src=x onerror=alert(2)>")),
                Base.AddHours(3), ["town-hall"]);
            Event = FeedSamples.Published(AnnouncementKind.Event, "lange-nacht-der-uhren",
                FeedSamples.Content(FeedSamples.Variant("de", "Lange Nacht der Uhren", "Die Uhren werden zurückgestellt.", "Von 01:30 bis 04:00 Uhr."),
                    new EventDetails(FeedSamples.DstNightStart, FeedSamples.DstNightEnd, "Marktplatz 1, Musterstadt")),
                Base.AddHours(4), ["culture"]);
            Notice = FeedSamples.Published(AnnouncementKind.OfficialNotice, "haushaltssatzung-2027",
                FeedSamples.Content(FeedSamples.Variant("de", "Haushaltssatzung 2027", "Öffentliche Bekanntmachung.", "Der Rat hat beschlossen.")),
                Base.AddHours(5), ["town-hall"]);
            var fillers = Enumerable.Range(1, 55).Select(n => FeedSamples.Published(AnnouncementKind.News, $"meldung-{n}",
                FeedSamples.Content(FeedSamples.Variant("de", $"Meldung {n}", $"Kurz gesagt: {n}.", $"Text {n}.")), Base.AddDays(-n), ["town-hall"])).ToList();
            Expired = FeedSamples.Published(AnnouncementKind.News, "abgelaufen",
                FeedSamples.Content(FeedSamples.Variant("de", "Abgelaufen", "Vorbei.", "Vorbei.")), Base.AddDays(-1).AddHours(1), ["culture"], expires: Base.AddDays(-1).AddHours(2));
            Draft = Announcement.CreateDraft(AnnouncementKind.News, "entwurf",
                FeedSamples.Content(FeedSamples.Variant("de", "Entwurf", "Noch nicht.", "Noch nicht.")), ["culture"], AnnouncementSamples.Editor, Base);

            db.Announcements.AddRange([Festival, Xss, Event, Notice, Expired, Draft, .. fillers]);
            db.AnnouncementRevisions.Add(previous);
            await db.SaveChangesAsync();
            PublicNewestFirst.AddRange([Notice, Event, Xss, Festival, .. fillers]);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:PublicBaseAddress", FeedSamples.PublicSite.AbsoluteUri);

            // Requests run in the calling test's execution context, so a culture a test sets reaches the host.
            builder.ConfigureServices(services => services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true));
        }
    }
}
