using System.Net;
using System.Text;
using System.Text.Json;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Time;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ICalendar = Ical.Net.Calendar;

namespace Egov.IntegrationTests.Announcements.Feeds;

/// <summary>
/// <c>GET /api/v1/announcements/{idOrSlug}/event.ics</c> read back with Ical.Net: an event in the night
/// the clocks go back (01:30 CEST to 04:00 CET on 25 October 2026), corrected once.
/// </summary>
public sealed class EventCalendarTests(EventCalendarTests.Factory factory) : IClassFixture<EventCalendarTests.Factory>
{
    private const string Title = "Lange Nacht „Zeitumstellung“ – Straßenmusik";

    private const string Summary =
        "Wir stellen die Uhren gemeinsam zurück: Straßenmusik, Glühwein und „Zeitreisen“ – für Groß und Klein, bis 04:00 Uhr; Eintritt frei, Spenden erwünscht.";

    private const string Place = "Marktplatz 1, 12345 Musterstadt";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EventIcs_AcrossTheDstChange_HasTheExactStartAndEndInstants(bool bySlug)
    {
        using var client = factory.CreateClient();
        var idOrSlug = bySlug ? factory.Event.Slug : factory.Event.Id.ToString();

        var (response, bytes) = await AnnouncementFeedTests.GetAsync(client, $"/api/v1/announcements/{idOrSlug}/event.ics");

        AssertCalendarHeaders(response);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\r\nDTSTART:20261024T233000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20261025T030000Z\r\n", text, StringComparison.Ordinal);
        var vevent = Assert.Single(ICalendar.Load(text)!.Events);
        Assert.True(vevent.DtStart!.IsUtc);
        Assert.Equal(FeedSamples.DstNightStart.UtcDateTime, vevent.DtStart.AsUtc);
        Assert.Equal(FeedSamples.DstNightEnd.UtcDateTime, vevent.DtEnd!.AsUtc);
        Assert.Equal(TimeSpan.FromHours(3.5), vevent.DtEnd.AsUtc - vevent.DtStart.AsUtc);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.FromHours(2)), CivilTime.ToBerlin(new DateTimeOffset(vevent.DtStart.AsUtc)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 4, 0, 0, TimeSpan.FromHours(1)), CivilTime.ToBerlin(new DateTimeOffset(vevent.DtEnd.AsUtc)));
        Assert.Equal($"{factory.Event.Id}@service.musterstadt.example", vevent.Uid);
        Assert.Equal(Title, vevent.Summary);
        Assert.Equal(Summary, vevent.Description);
        Assert.Equal(Place, vevent.Location);
        Assert.Equal(new Uri(FeedSamples.PublicSite, "announcements/lange-nacht"), vevent.Url);
        Assert.Equal(["culture"], vevent.Categories);
    }

    [Fact]
    public async Task EventIcs_OfACorrectedEvent_HasSequenceAndStampOfTheCorrection()
    {
        using var client = factory.CreateClient();

        var (_, bytes) = await AnnouncementFeedTests.GetAsync(client, $"/api/v1/announcements/{factory.Event.Slug}/event.ics");

        var vevent = Assert.Single(ICalendar.Load(Encoding.UTF8.GetString(bytes))!.Events);
        Assert.Equal(1, vevent.Sequence);
        Assert.Equal(factory.Event.CorrectedAt!.Value.UtcDateTime, vevent.DtStamp!.AsUtc);
        Assert.Equal(factory.Event.CorrectedAt!.Value.UtcDateTime, vevent.LastModified!.AsUtc);
    }

    [Fact]
    public async Task EventIcs_InEnglish_UsesTheEnglishVariant()
    {
        using var client = factory.CreateClient();

        var (response, bytes) = await AnnouncementFeedTests.GetAsync(client, $"/api/v1/announcements/{factory.Event.Slug}/event.ics?lang=en");

        var vevent = Assert.Single(ICalendar.Load(Encoding.UTF8.GetString(bytes))!.Events);
        Assert.Equal("Long night of the clocks", vevent.Summary);
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task EventIcs_WithMatchingIfNoneMatch_Returns304()
    {
        using var client = factory.CreateClient();
        var url = $"/api/v1/announcements/{factory.Event.Slug}/event.ics";
        var (first, _) = await AnnouncementFeedTests.GetAsync(client, url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
    }

    [Theory]
    [InlineData("stadtrat-tagt")]
    [InlineData("entwurf-fest")]
    [InlineData("gibt-es-nicht")]
    [InlineData("0192f4a6-1111-7000-8000-000000000000")]
    public async Task EventIcs_ForAnythingButAPublicEvent_Returns404Problem(string idOrSlug)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/v1/announcements/{idOrSlug}/event.ics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    private static void AssertCalendarHeaders(HttpResponseMessage response)
    {
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        Assert.Matches("^\"[0-9a-f]{32}\"$", response.Headers.ETag!.Tag);
        Assert.Equal("attachment; filename=\"lange-nacht.ics\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
    }

    public sealed class Factory : EgovApplicationFactory
    {
        private static readonly DateTimeOffset Base = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

        internal Announcement Event { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
            var details = new EventDetails(FeedSamples.DstNightStart, FeedSamples.DstNightEnd, Place);
            var english = FeedSamples.Variant("en", "Long night of the clocks", "We turn the clocks back together.", "Music.");

            Event = FeedSamples.Published(AnnouncementKind.Event, "lange-nacht",
                FeedSamples.Content(FeedSamples.Variant("de", "Lange Nacht", Summary, "Musik."), details, others: english), Base, ["culture"]);
            var previous = Event.Correct(FeedSamples.Content(FeedSamples.Variant("de", Title, Summary, "Musik und mehr."), details, others: english),
                ["culture"], "Titel ergänzt", AnnouncementSamples.Editor, Base.AddDays(1));
            var news = FeedSamples.Published(AnnouncementKind.News, "stadtrat-tagt",
                FeedSamples.Content(FeedSamples.Variant("de", "Stadtrat tagt", "Sitzung.", "Sitzung.")), Base, ["town-hall"]);
            var draft = Announcement.CreateDraft(AnnouncementKind.Event, "entwurf-fest",
                FeedSamples.Content(FeedSamples.Variant("de", "Entwurf", "Entwurf.", "Entwurf."), details), ["culture"], AnnouncementSamples.Editor, Base);

            db.Announcements.AddRange(Event, news, draft);
            db.AnnouncementRevisions.Add(previous);
            await db.SaveChangesAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:PublicBaseAddress", FeedSamples.PublicSite.AbsoluteUri);
        }
    }
}
