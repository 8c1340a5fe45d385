using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Announcements;

public sealed class ListAnnouncementsTests(ListAnnouncementsTests.Factory factory) : IClassFixture<ListAnnouncementsTests.Factory>
{
    private static readonly DateTimeOffset Base = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task List_WithPublishedDraftAndExpired_ReturnsOnlyPublishedNewestFirst()
    {
        using var client = factory.CreateClient();

        var page = await GetPageAsync(client, "/api/v1/announcements?limit=100");

        var titles = page.Items.Select(i => i.Title).ToList();
        Assert.Equal(factory.PublishedTitlesNewestFirst, titles);
        Assert.DoesNotContain("Draft notice", titles);
        Assert.DoesNotContain("Expired roadworks", titles);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task List_PagedByTwo_ReturnsEveryItemOnceInOrder()
    {
        using var client = factory.CreateClient();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;

        do
        {
            var page = await GetPageAsync(client, $"/api/v1/announcements?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.Title));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        // Two of the announcements share one publication instant: the id breaks the tie, so none is lost or repeated.
        Assert.Equal(factory.PublishedTitlesNewestFirst, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_FilteredByKind_ReturnsOnlyThatKind()
    {
        using var client = factory.CreateClient();

        var page = await GetPageAsync(client, "/api/v1/announcements?kind=alert");

        var item = Assert.Single(page.Items);
        Assert.Equal("Alert", item.Kind);
        Assert.Equal("Storm warning", item.Title);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("kind=gossip", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("kind=News,Event", "kind")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task List_WithInvalidParameter_Returns400ProblemNamingTheField(string query, string field)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/announcements?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}'");
    }

    private static async Task<Page> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Page>(TestContext.Current.CancellationToken))!;
    }

    public sealed record Page(List<Item> Items, string? NextCursor);

    public sealed record Item(Guid Id, string Kind, string Title, string Summary, List<string> Categories, DateTimeOffset PublishedAt);

    public sealed class Factory : EgovApplicationFactory
    {
        public List<string> PublishedTitlesNewestFirst { get; } = [];

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();

            static Announcement Published(AnnouncementKind kind, string title, DateTimeOffset at, DateTimeOffset? expires = null) =>
                AnnouncementSamples.Published(kind, title, at, expires);

            var sameInstantA = Published(AnnouncementKind.News, "Library opens", Base.AddHours(3));
            var sameInstantB = Published(AnnouncementKind.News, "Market moves", Base.AddHours(3));
            db.Announcements.AddRange(
                Published(AnnouncementKind.News, "Christmas market", Base),
                Published(AnnouncementKind.OfficialNotice, "Budget 2027", Base.AddHours(1)),
                Published(AnnouncementKind.Alert, "Storm warning", Base.AddHours(2)),
                sameInstantA,
                sameInstantB,
                Published(AnnouncementKind.News, "Expired roadworks", Base.AddDays(-10), expires: Base.AddDays(-5)),
                AnnouncementSamples.Draft(AnnouncementKind.OfficialNotice, "Draft notice", Base));
            await db.SaveChangesAsync();

            var tied = new[] { sameInstantA, sameInstantB }.OrderByDescending(a => a.Id).Select(a => a.Title);
            PublishedTitlesNewestFirst.AddRange([.. tied, "Storm warning", "Budget 2027", "Christmas market"]);
        }
    }
}
