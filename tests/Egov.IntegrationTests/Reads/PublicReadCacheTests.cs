using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Announcements;
using Egov.IntegrationTests.Forms;
using Egov.IntegrationTests.Identity;
using Egov.Testing;
using Npgsql;

namespace Egov.IntegrationTests.Reads;

/// <summary>
/// The read cache (ADR 0015) on two host instances of one PostgreSQL database: every change made
/// through one instance is seen on every read through the other within a few seconds (<see cref="Bound"/>), whatever was cached
/// there; time alone ends an answer that something in it expires from; a dropped invalidation
/// channel sends reads to the database rather than serve what may be stale.
/// </summary>
public sealed class PublicReadCacheTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>, IAsyncLifetime
{
    /// <summary>
    /// How soon a change must be seen through the other instance. Without the invalidation the other instance
    /// would answer from its cache for <see cref="Egov.SharedKernel.Reads.PublicReadOptions.MaxAge"/> (10 minutes), so seeing the change
    /// within 5 s shows it came through the channel. The goal of 1 s holds on a quiet machine (typically
    /// 50–150 ms here); a test machine running hundreds of tests at once is no place to time it.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private SecondInstance _second = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _second = new SecondInstance(factory.ConnectionString);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _second.DisposeAsync();

    [Fact]
    public async Task Publication_Correction_AndArchive_ThroughOneInstance_AreSeenThroughTheOther_WithinTheBound()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var reader = _second.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var list = "/api/v1/announcements?limit=100";
        await WarmAsync(reader, list);

        var (id, etag) = await AnnouncementWorkflowTests.CreateAsync(editor, AnnouncementWorkflowTests.News($"Neu {tag}", "Text."));
        var published = await AnnouncementWorkflowTests.SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        await SeenWithinBoundAsync(reader, list, body => body.Contains($"Neu {tag}", StringComparison.Ordinal));

        var detail = $"/api/v1/announcements/{id}";
        await WarmAsync(reader, detail);
        var corrected = await AnnouncementWorkflowTests.SendAsync(editor, HttpMethod.Put, $"/api/v1/announcements/{id}",
            new { announcement = AnnouncementWorkflowTests.News($"Berichtigt {tag}", "Text."), correctionNote = "Titel berichtigt." },
            published.Headers.ETag!.ToString());
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync(Ct));
        await SeenWithinBoundAsync(reader, detail, body => body.Contains($"Berichtigt {tag}", StringComparison.Ordinal));

        await WarmAsync(reader, list);
        var archived = await AnnouncementWorkflowTests.SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/archive", null, corrected.Headers.ETag!.ToString());
        Assert.True(archived.IsSuccessStatusCode, await archived.Content.ReadAsStringAsync(Ct));
        await SeenWithinBoundAsync(reader, list, body => !body.Contains(tag, StringComparison.Ordinal));
        await SeenWithinBoundAsync(reader, $"/feeds/announcements.rss", body => !body.Contains(tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlertUpdate_AndAllClear_ThroughOneInstance_AreSeenThroughTheOther_WithinTheBound()
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");
        using var reader = _second.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await WarmAsync(reader, "/api/v1/alerts/active");
        await WarmAsync(reader, "/feeds/alerts.atom");

        var first = await IssueAsync(crisis, AnnouncementWorkflowTests.StormAlert($"Sturm {tag}"));
        await SeenWithinBoundAsync(reader, "/api/v1/alerts/active", body => body.Contains($"Sturm {tag}", StringComparison.Ordinal));
        await SeenWithinBoundAsync(reader, "/feeds/alerts.atom", body => body.Contains($"Sturm {tag}", StringComparison.Ordinal));

        var update = await IssueAsync(crisis, AnnouncementWorkflowTests.StormAlert($"Orkan {tag}", "Update", first));
        await SeenWithinBoundAsync(reader, "/api/v1/alerts/active",
            body => body.Contains($"Orkan {tag}", StringComparison.Ordinal) && !body.Contains($"Sturm {tag}", StringComparison.Ordinal));

        await IssueAsync(crisis, AnnouncementWorkflowTests.StormAlert($"Entwarnung {tag}", "Cancel", update));
        await SeenWithinBoundAsync(reader, "/api/v1/alerts/active", body => !body.Contains(tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FormPublished_AndRetired_ThroughOneInstance_AreSeenThroughTheOther_WithinTheBound()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var reader = _second.CreateClient();
        var key = FormCatalogTests.UniqueKey("cache");
        var catalog = "/api/v1/forms?limit=100";
        await WarmAsync(reader, catalog);

        var created = await admin.PostAsJsonAsync("/api/v1/forms", FormCatalogTests.MinimalForm(key), Ct);
        var formId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("formId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/forms/{formId}/versions/1/publish", null, Ct)).StatusCode);
        await SeenWithinBoundAsync(reader, catalog, body => body.Contains(key, StringComparison.Ordinal));
        await SeenWithinBoundAsync(reader, "/forms", body => body.Contains(key, StringComparison.Ordinal));

        await WarmAsync(reader, $"/api/v1/forms/{key}");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/forms/{formId}/retire", null, Ct)).StatusCode);
        await SeenWithinBoundAsync(reader, catalog, body => !body.Contains(key, StringComparison.Ordinal));
        await SeenWithinBoundAsync(reader, "/forms", body => !body.Contains(key, StringComparison.Ordinal));
        var gone = await GetAsync(reader, $"/api/v1/forms/{key}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Alert_ExpiringByTimeAlone_LeavesTheCachedList_WithoutAnyWrite()
    {
        // Long enough to see the alert first (within the bound) on a loaded machine.
        const int ExpiresAfterSeconds = 12;
        using var crisis = await factory.CreateClientAsAsync("crisis");
        using var reader = _second.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        await IssueAsync(crisis, AnnouncementWorkflowTests.StormAlert($"Kurz {tag}",
            onset: now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            expires: now.AddSeconds(ExpiresAfterSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        await SeenWithinBoundAsync(reader, "/api/v1/alerts/active", body => body.Contains(tag, StringComparison.Ordinal));
        Assert.NotNull((await GetAsync(reader, "/api/v1/alerts/active")).Headers.Age);

        // CAP expires is to the second: gone at most a bound after it, though nothing was written.
        var expires = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(ExpiresAfterSeconds);
        await Task.Delay(expires - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50), Ct);
        await SeenWithinBoundAsync(reader, "/api/v1/alerts/active", body => !body.Contains(tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Variants_ByLanguageFilterAndCursor_NeverMix_AndETagsFollowTheContent()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var reader = _second.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (id, etag) = await AnnouncementWorkflowTests.CreateAsync(editor, new
        {
            kind = "News",
            variants = new[]
            {
                new { language = "de", title = $"Deutsch {tag}", summary = "Kurz.", body = "Text." },
                new { language = "en", title = $"English {tag}", summary = "Short.", body = "Text." },
            },
            categories = new[] { "culture" },
        });
        (await AnnouncementWorkflowTests.SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag)).EnsureSuccessStatusCode();
        var detail = $"/api/v1/announcements/{id}";

        for (var round = 0; round < 2; round++)
        {
            // The second round is answered from the cache; each variant keeps its own answer.
            Assert.Contains($"Deutsch {tag}", await BodyAsync(await GetAsync(reader, detail, "de-DE,de;q=0.9")), StringComparison.Ordinal);
            Assert.Contains($"English {tag}", await BodyAsync(await GetAsync(reader, detail, "en-GB,en;q=0.9")), StringComparison.Ordinal);
            Assert.Contains($"English {tag}", await BodyAsync(await GetAsync(reader, detail + "?lang=en", "de")), StringComparison.Ordinal);
            Assert.Contains($"Deutsch {tag}", await BodyAsync(await GetAsync(reader, detail + "?lang=de", "en")), StringComparison.Ordinal);
            Assert.Contains(tag, await BodyAsync(await GetAsync(reader, "/api/v1/announcements?category=culture")), StringComparison.Ordinal);
            Assert.DoesNotContain(tag, await BodyAsync(await GetAsync(reader, "/api/v1/announcements?category=traffic")), StringComparison.Ordinal);
            Assert.DoesNotContain(tag, await BodyAsync(await GetAsync(reader, "/api/v1/announcements?kind=Alert")), StringComparison.Ordinal);
        }

        var german = await GetAsync(reader, detail, "de");
        var english = await GetAsync(reader, detail, "en");
        Assert.NotEqual(german.Headers.ETag, english.Headers.ETag);
        Assert.Equal("de", Assert.Single(german.Content.Headers.ContentLanguage));
        Assert.Equal("en", Assert.Single(english.Content.Headers.ContentLanguage));

        // If-None-Match: 304 for the variant's own tag only, from the cache as from the handler.
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalGetAsync(reader, detail, "de", german.Headers.ETag!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConditionalGetAsync(reader, detail, "de", english.Headers.ETag!)).StatusCode);

        // After a correction the old tag no longer matches, on either instance.
        var current = await editor.GetAsync($"/api/v1/announcements/{id}/editor", Ct);
        (await AnnouncementWorkflowTests.SendAsync(editor, HttpMethod.Put, detail, new
        {
            announcement = new
            {
                kind = "News",
                variants = new[]
                {
                    new { language = "de", title = $"Deutsch neu {tag}", summary = "Kurz.", body = "Text." },
                    new { language = "en", title = $"English new {tag}", summary = "Short.", body = "Text." },
                },
                categories = new[] { "culture" },
            },
            correctionNote = "Titel.",
        }, current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        await SeenWithinBoundAsync(reader, detail, body => body.Contains($"Deutsch neu {tag}", StringComparison.Ordinal));
        var stale = await ConditionalGetAsync(reader, detail, "de", german.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotEqual(german.Headers.ETag, stale.Headers.ETag);
    }

    [Fact]
    public async Task ReadCache_WithTheInvalidationChannelDropped_SendsReadsToTheDatabase_AndCachesAgainWhenItIsBack()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var reader = _second.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var list = "/api/v1/announcements?limit=100";
        await WarmAsync(reader, list);

        // Cut every listening connection of both instances, as a restarted database or a network
        // hiccup would; then change the data through the first instance.
        await using (var connection = new NpgsqlConnection(factory.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'egov-read-invalidation' AND datname = current_database()", connection);
            Assert.True((long)(await kill.ExecuteScalarAsync(Ct))! >= 2);
        }

        var (id, etag) = await AnnouncementWorkflowTests.CreateAsync(editor, AnnouncementWorkflowTests.News($"Während {tag}", "Text."));
        (await AnnouncementWorkflowTests.SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag)).EnsureSuccessStatusCode();
        await SeenWithinBoundAsync(reader, list, body => body.Contains($"Während {tag}", StringComparison.Ordinal));

        // Listening again (retry after 1 s): answers come from the cache again.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while ((await GetAsync(reader, list)).Headers.Age is null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the read cache did not come back after the channel was restored");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<Guid> IssueAsync(HttpClient crisis, object alert)
    {
        var (id, etag) = await AnnouncementWorkflowTests.CreateAsync(crisis, alert);
        var issued = await AnnouncementWorkflowTests.SendAsync(crisis, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag);
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync(Ct));
        return id;
    }

    /// <summary>Reads <paramref name="path"/> until an answer comes from the cache (it has an <c>Age</c>), so a later change must invalidate it.</summary>
    private static async Task WarmAsync(HttpClient client, string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await GetAsync(client, path)).Headers.Age is null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{path} was never answered from the read cache");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>Asserts that reads of <paramref name="path"/> satisfy <paramref name="seen"/> within <see cref="Bound"/> (polling every 50 ms).</summary>
    private static async Task SeenWithinBoundAsync(HttpClient client, string path, Func<string, bool> seen)
    {
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            var body = await BodyAsync(await GetAsync(client, path));
            if (seen(body))
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow - started < Bound, $"{path} still showed the old state {Bound.TotalSeconds} s after the change: {body[..Math.Min(300, body.Length)]}");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, string path, string acceptLanguage, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request, Ct);
    }

    private static Task<string> BodyAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync(Ct);

    /// <summary>A second host instance on the first one's database.</summary>
    private sealed class SecondInstance : EgovApplicationFactory
    {
        public SecondInstance(string connectionString) => ConnectionString = connectionString;

        public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
    }
}
