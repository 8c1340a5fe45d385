using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Persistence;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Announcements;

/// <summary>The editorial workflow over HTTP: write, approve (four eyes), publish, break-glass, correct, read publicly.</summary>
public sealed class AnnouncementWorkflowTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task News_WrittenAndPublished_IsListedPublicly_AndReachesTheOutbox()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var (id, etag) = await CreateAsync(editor, News("Weihnachtsmarkt öffnet am Freitag", "Der **Weihnachtsmarkt** öffnet am „Freitag“ – mit Glühwein."));

        var published = await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var detail = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/announcements/{id}", Ct);
        Assert.Equal("Weihnachtsmarkt öffnet am Freitag", detail.GetProperty("title").GetString());
        Assert.Contains("<strong>Weihnachtsmarkt</strong>", detail.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().OutboxMessages
            .AnyAsync(m => m.EventType.Contains("AnnouncementPublished") && m.Payload.Contains(id.ToString()), Ct));
    }

    [Fact]
    public async Task OfficialNotice_WithoutApproval_Is403_ApprovedByThePressOffice_IsPublished()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        var (id, etag) = await CreateAsync(editor, new
        {
            kind = "OfficialNotice",
            variants = new[] { new { language = "de", title = "Bekanntmachung: Haushaltssatzung 2027", summary = "Die Haushaltssatzung liegt aus.", body = "Die Haushaltssatzung 2027 liegt vom 1. bis 15. Dezember im Rathaus aus." } },
            categories = new[] { "town-hall" },
            legalEffectDate = "2027-01-01",
        });

        var refused = await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag);
        var approved = await SendAsync(approver, HttpMethod.Post, $"/api/v1/announcements/{id}/approve", null, etag);
        var published = await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, approved.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("approval", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Paul Pressesprecher", (await Json(approved)).GetProperty("approvedByName").GetString());
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("2027-01-01", (await Json(await factory.CreateClient().GetAsync($"/api/v1/announcements/{id}", Ct))).GetProperty("legalEffectDate").GetString());
    }

    [Fact]
    public async Task Alert_IssuedByTheCrisisTeamAlone_IsBreakGlass_Active_AsCap_AndReviewedLater()
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");
        using var approver = await factory.CreateClientAsAsync("approver");
        var (id, etag) = await CreateAsync(crisis, StormAlert("Sturmböen im Stadtgebiet"));

        var issued = await SendAsync(crisis, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.True((await Json(issued)).GetProperty("breakGlass").GetBoolean());
        var active = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/alerts/active", Ct);
        Assert.Contains(active.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var toReview = await approver.GetFromJsonAsync<JsonElement>("/api/v1/announcements/manage?breakGlass=true", Ct);
        Assert.Contains(toReview.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);

        var cap = await factory.CreateClient().GetAsync($"/api/v1/alerts/{id}", Ct);
        Assert.Equal("application/cap+xml", cap.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await cap.Content.ReadAsStringAsync(Ct));
        Assert.Empty(CapSchema.Validate(xml));
        Assert.Equal("Sturmböen im Stadtgebiet", xml.Descendants(XName.Get("headline", "urn:oasis:names:tc:emergency:cap:1.2")).First().Value);

        var reviewed = await SendAsync(approver, HttpMethod.Post, $"/api/v1/announcements/{id}/approve", null, issued.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await Json(reviewed)).GetProperty("reviewedAt").ValueKind);
        using var scope = factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().OutboxMessages
            .AnyAsync(m => m.EventType.Contains("AlertIssued") && m.Payload.Contains(id.ToString()), Ct));
    }

    [Fact]
    public async Task Alert_UpdateAndCancel_SupersedeTheFirst_AndEveryCapDocumentValidates()
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");
        var first = await IssueAsync(crisis, StormAlert("Orkanböen erwartet"));
        var update = await IssueAsync(crisis, StormAlert("Orkanböen: Warnung verlängert", "Update", first));
        var cancel = await IssueAsync(crisis, StormAlert("Entwarnung: keine Orkanböen mehr", "Cancel", update));

        var active = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/alerts/active", Ct);
        Assert.DoesNotContain(active.EnumerateArray(), a => a.GetProperty("id").GetGuid() is var x && (x == first || x == update || x == cancel));
        foreach (var id in new[] { first, update, cancel })
        {
            var xml = XDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/v1/alerts/{id}", Ct));
            Assert.Empty(CapSchema.Validate(xml));
        }

        var cancelXml = XDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/v1/alerts/{cancel}", Ct));
        Assert.Contains($"urn:uuid:{update}", cancelXml.Descendants(XName.Get("references", "urn:oasis:names:tc:emergency:cap:1.2")).Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_WithScriptsJavascriptLinksAndEventAttributes_IsNeutralised()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var body = "Hallo <script>alert('x')</script>\n\n[Klick](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n<a href=\"https://example.org\" onclick=\"steal()\">ok</a>";
        var (id, _) = await CreateAsync(editor, News("Test XSS", body));

        var view = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/announcements/{id}/editor", Ct);
        var html = view.GetProperty("content").GetProperty("variants")[0].GetProperty("bodyHtml").GetString()!;

        // Raw HTML is shown as text (escaped); no element, attribute or URL of it survives.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[a-z][^>]*\son[a-z]+\s*=", html);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images[0].altText")]
    [InlineData("categories[0]")]
    [InlineData("variants")]
    [InlineData("alert.expires")]
    public async Task BadInput_IsRefusedNamingTheField(string field)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        object body = field switch
        {
            "images[0].altText" => new { kind = "News", variants = new[] { new { language = "de", title = "Bild", summary = "", body = "" } }, images = new[] { new { url = "https://stadt.example/bild.jpg", altText = "" } } },
            "categories[0]" => new { kind = "News", variants = new[] { new { language = "de", title = "Kategorie", summary = "", body = "" } }, categories = new[] { "gossip" } },
            "variants" => new { kind = "News", variants = new[] { new { language = "en", title = "English only", summary = "", body = "" } } },
            _ => StormAlert("Falsch herum", expires: "2026-12-01T08:00", onset: "2026-12-01T10:00"),
        };

        var response = await editor.PostAsJsonAsync("/api/v1/announcements", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TwoMegabyteBody_IsRefusedNamingTheBody()
    {
        // Kestrel answers 413 before binding (1 MB request limit); the in-memory test server has no
        // request size limit, so this checks the second line of defence: the body's own limit.
        using var editor = await factory.CreateClientAsAsync("editor");

        var response = await editor.PostAsJsonAsync("/api/v1/announcements", News("Riesig", new string('x', 2 * 1024 * 1024)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100000", (await Json(response)).GetProperty("errors").GetProperty("variants[0].body")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-29T02:30", "does not exist")]
    [InlineData("2026-10-25T02:30", "occurs twice")]
    public async Task Schedule_InTheGapOrOverlap_Is400WithTheReason(string publishAt, string reason)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var (id, etag) = await CreateAsync(editor, News($"Geplant {publishAt}", "Text"));

        var response = await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/schedule", new { publishAt }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await Json(response)).GetProperty("errors").GetProperty("publishAt")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_InTheOverlapWithOffset_IsStoredAsThatInstant()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var (id, etag) = await CreateAsync(editor, News("Winterzeit 2027", "Text"));

        var response = await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/schedule", new { publishAt = "2027-10-31T02:30+01:00" }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await Json(response);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.Zero), view.GetProperty("publishAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(1), view.GetProperty("publishAtLocal").GetDateTimeOffset().Offset);
    }

    [Fact]
    public async Task PublicList_WithIfNoneMatch_Is304_UntilSomethingIsPublished()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var anonymous = factory.CreateClient();
        var first = await anonymous.GetAsync("/api/v1/announcements", Ct);

        var again = await ConditionalGetAsync(anonymous, "/api/v1/announcements", first.Headers.ETag!);
        var (id, etag) = await CreateAsync(editor, News("Neu im Rathaus", "Text"));
        (await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag)).EnsureSuccessStatusCode();
        var changed = await ConditionalGetAsync(anonymous, "/api/v1/announcements", first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("public", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_AfterPublication_IsANewRevisionWithAVisibleNote_NeverASilentEdit()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var (id, etag) = await CreateAsync(editor, News("Sperrung der Bahnhofstraße", "Vom 1. bis 5. Dezember."));
        var published = await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag);
        var etagPublished = published.Headers.ETag!.ToString();

        var silent = await SendAsync(editor, HttpMethod.Put, $"/api/v1/announcements/{id}", new { announcement = News("Sperrung der Bahnhofstraße", "Vom 1. bis 8. Dezember.") }, etagPublished);
        var corrected = await SendAsync(editor, HttpMethod.Put, $"/api/v1/announcements/{id}",
            new { announcement = News("Sperrung der Bahnhofstraße", "Vom 1. bis 8. Dezember."), correctionNote = "Die Sperrung dauert bis 8. Dezember." }, etagPublished);
        var stale = await SendAsync(editor, HttpMethod.Put, $"/api/v1/announcements/{id}",
            new { announcement = News("Sperrung der Bahnhofstraße", "x"), correctionNote = "x" }, etagPublished);

        Assert.Equal(HttpStatusCode.BadRequest, silent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var detail = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/announcements/sperrung-der-bahnhofstrasse", Ct);
        Assert.Equal(2, detail.GetProperty("revision").GetInt32());
        Assert.Equal("Die Sperrung dauert bis 8. Dezember.", detail.GetProperty("correctionNote").GetString());
        Assert.NotEqual(JsonValueKind.Null, detail.GetProperty("updatedAt").ValueKind);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().AnnouncementRevisions.CountAsync(r => r.AnnouncementId == id, Ct));
    }

    [Fact]
    public async Task Search_UsesGermanStemming()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var (id, etag) = await CreateAsync(editor, News("Kanalarbeiten in der Südstadt", "Wegen Bauarbeiten sind mehrere Straßen gesperrt."));
        (await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag)).EnsureSuccessStatusCode();

        var found = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/announcements?q=gesperrte%20Stra%C3%9Fe", Ct);
        var notFound = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/announcements?q=Zirkusvorstellung", Ct);

        Assert.Contains(found.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(notFound.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Citizens_CannotWrite_EditorsCannotApprove()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var editor = await factory.CreateClientAsAsync("editor");
        var (id, etag) = await CreateAsync(editor, new
        {
            kind = "OfficialNotice",
            variants = new[] { new { language = "de", title = "Bekanntmachung Wahl", summary = "", body = "" } },
            legalEffectDate = "2027-02-01",
        });

        var citizen = await erika.PostAsJsonAsync("/api/v1/announcements", News("Von Erika", "x"), Ct);
        var selfApproval = await SendAsync(editor, HttpMethod.Post, $"/api/v1/announcements/{id}/approve", null, etag);

        Assert.Equal(HttpStatusCode.Forbidden, citizen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
    }

    internal static object News(string title, string body) => new
    {
        kind = "News",
        variants = new[] { new { language = "de", title, summary = $"{title}.", body } },
        categories = new[] { "town-hall" },
    };

    internal static object StormAlert(string headline, string msgType = "Alert", Guid? reference = null, string? onset = null, string? expires = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new
        {
            kind = "Alert",
            variants = new[] { new { language = "de", title = headline, summary = "Sturmböen bis 100 km/h.", body = "Meiden Sie Parks und Wälder." } },
            categories = new[] { "warnings" },
            alert = new
            {
                msgType,
                references = reference is { } r ? new[] { r } : Array.Empty<Guid>(),
                @event = "Sturm",
                category = "Met",
                urgency = "Immediate",
                severity = "Severe",
                certainty = "Likely",
                responseType = "Avoid",
                instruction = "Bleiben Sie im Haus.",
                onset = onset ?? now.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                expires = expires ?? now.AddHours(6).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                areas = new[]
                {
                    new
                    {
                        description = "Stadtgebiet",
                        polygons = new[] { new[] { new[] { 51.2, 7.6 }, new[] { 51.25, 7.6 }, new[] { 51.25, 7.7 }, new[] { 51.2, 7.6 } } },
                        geocodes = new[] { new { valueName = "ARS", value = "059620032032" } },
                    },
                },
            },
        };
    }

    private async Task<Guid> IssueAsync(HttpClient crisis, object alert)
    {
        var (id, etag) = await CreateAsync(crisis, alert);
        var issued = await SendAsync(crisis, HttpMethod.Post, $"/api/v1/announcements/{id}/publish", new { }, etag);
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync(Ct));
        return id;
    }

    internal static async Task<(Guid Id, string ETag)> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/announcements", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return ((await Json(response)).GetProperty("id").GetGuid(), response.Headers.ETag!.ToString());
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
}
