using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml.Linq;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Announcements.Feeds;

/// <summary>
/// <c>/feeds/alerts.atom</c>: only alerts in force (not superseded by an Update, not cancelled, not a
/// Cancel, not past their CAP expiry), each linking its CAP 1.2 message.
/// </summary>
public sealed class AlertsFeedTests(AlertsFeedTests.Factory factory) : IClassFixture<AlertsFeedTests.Factory>
{
    private const string Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    [Fact]
    public async Task AlertsAtom_Always_ListsOnlyAlertsInForceEachLinkingItsCapMessage()
    {
        using var client = factory.CreateClient();

        var (response, xml) = await AnnouncementFeedTests.GetAsync(client, "/feeds/alerts.atom");

        AnnouncementFeedTests.AssertFeedHeaders(response, "application/atom+xml");
        var feed = StrictFeedReader.Load(xml);
        Assert.Equal(new Uri(FeedSamples.PublicSite, "feeds/alerts.atom").AbsoluteUri, feed.Id);
        Assert.Equal("Stadt Musterstadt – Aktuelle Warnungen", feed.Title.Text);
        Assert.Equal([$"urn:uuid:{factory.Update.Id}", $"urn:uuid:{factory.Active.Id}"], feed.Items.Select(i => i.Id));
        foreach (var (item, alert) in feed.Items.Zip([factory.Update, factory.Active]))
        {
            var cap = Assert.Single(item.Links, l => l.MediaType == "application/cap+xml");
            Assert.Equal(("alternate", new Uri(FeedSamples.PublicSite, $"api/v1/alerts/{alert.Id}")), (cap.RelationshipType, cap.Uri));
            Assert.Single(item.Links, l => l.MediaType == "text/html" && l.RelationshipType == "alternate");
            Assert.Contains("Was Sie tun sollten:</strong> Bleiben Sie in Gebäuden und meiden Sie Parks.", ((TextSyndicationContent)item.Content).Text, StringComparison.Ordinal);
        }

        var entries = StrictFeedReader.Document(xml).Root!.Elements(XName.Get("entry", StrictFeedReader.Atom)).ToList();
        Assert.Equal(["Update", "Alert"], entries.Select(e => e.Element(XName.Get("msgType", Cap))!.Value));
        Assert.All(entries, e => Assert.Equal("Severe", e.Element(XName.Get("severity", Cap))!.Value));
        Assert.All(entries, e => Assert.Equal("Innenstadt", e.Element(XName.Get("areaDesc", Cap))!.Value));
        var expires = DateTimeOffset.Parse(entries[1].Element(XName.Get("expires", Cap))!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(factory.Active.Content.Alert!.Expires, expires);
    }

    public sealed class Factory : EgovApplicationFactory
    {
        internal Announcement Active { get; private set; } = null!;

        internal Announcement Update { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();

            // The active-alert rule compares with the host's clock: these times are relative to now.
            var now = DateTimeOffset.UtcNow;
            now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
            Active = Alert("sturm-innenstadt", FeedSamples.Storm("Alert", now.AddHours(-2), now.AddDays(1)), now.AddHours(-2));
            var superseded = Alert("sturm-alt", FeedSamples.Storm("Alert", now.AddHours(-5), now.AddDays(1)), now.AddHours(-5));
            Update = Alert("sturm-aktualisiert", FeedSamples.Storm("Update", now.AddHours(-1), now.AddDays(1), superseded.Id), now.AddHours(-1));
            superseded.SupersedeBy(Update.Id, now.AddHours(-1));
            var cancelled = Alert("stromausfall", FeedSamples.Storm("Alert", now.AddHours(-6), now.AddDays(1)), now.AddHours(-6));
            var cancel = Alert("stromausfall-entwarnung", FeedSamples.Storm("Cancel", now.AddMinutes(-30), now.AddDays(1), cancelled.Id), now.AddMinutes(-30));
            cancelled.SupersedeBy(cancel.Id, now.AddMinutes(-30));
            var lapsed = Alert("glatteis", FeedSamples.Storm("Alert", now.AddDays(-1), now.AddHours(-1)), now.AddDays(-1));
            var news = FeedSamples.Published(AnnouncementKind.News, "wochenmarkt",
                FeedSamples.Content(FeedSamples.Variant("de", "Wochenmarkt", "Markt.", "Markt.")), now.AddMinutes(-10), ["town-hall"]);

            db.Announcements.AddRange(Active, superseded, Update, cancelled, cancel, lapsed, news);
            await db.SaveChangesAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:PublicBaseAddress", FeedSamples.PublicSite.AbsoluteUri);
        }

        private static Announcement Alert(string slug, AlertDetails alert, DateTimeOffset publishedAt) =>
            FeedSamples.Published(AnnouncementKind.Alert, slug,
                FeedSamples.Content(FeedSamples.Variant("de", $"Warnung: {alert.Event}", "Sturmböen bis 90 km/h.", "Es drohen **Sturmböen**."), alert: alert),
                publishedAt, ["warnings"]);
    }
}
