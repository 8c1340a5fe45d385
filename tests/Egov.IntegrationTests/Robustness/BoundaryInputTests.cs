using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Forms.Persistence;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Robustness;

/// <summary>
/// Text that no field may hold, refused once at the boundary (issue 20, defects 2–5): NUL and other
/// C0 control characters (except tab, CR, LF) and lone UTF-16 surrogates in any JSON string or key
/// (typed members and free-form form data alike) and in query values; malformed JSON read by hand;
/// missing and null members. Each is a 400 problem naming the field, never a 500, and nothing is stored.
/// </summary>
public sealed class BoundaryInputTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string?> BadAnswers => new()
    {
        { "truncated", "{\"message\": \"Hier sind die Unterlagen", "application/json" },
        { "array", "[]", "application/json" },
        { "message as number", "{\"message\": 5}", "application/json" },
        { "message as object", "{\"message\": {\"a\": 1}}", "application/json" },
        { "nested deeper than 64", "{\"message\": \"x\", \"extra\": " + new string('[', 80) + new string(']', 80) + "}", "application/json" },
        { "UTF-16 without charset", "utf-16:{\"message\": \"Hallo\"}", "application/json" },
        { "NUL in message", "{\"message\": \"a\\u0000b\"}", "application/json" },
    };

    /// <summary>Defect 2: the answer to an information request is read by the endpoint itself.</summary>
    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task AnswerInformationRequest_WithMalformedJson_Is400Problem(string defect, string body, string? contentType)
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await Filing.FileAsync(erika);
        var bytes = body.StartsWith("utf-16:", StringComparison.Ordinal) ? Encoding.Unicode.GetBytes(body[7..]) : Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await erika.PostAsync($"/api/v1/applications/{id}/information-requests/{Guid.NewGuid()}/answer", content, Ct);

        await AssertProblemAsync(response, defect, HttpStatusCode.BadRequest, field: null);
    }

    [Fact]
    public async Task AnswerInformationRequest_WithNulInTheFormMessage_Is400NamingMessage_AndLeavesTheRequestOpen()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await Filing.FileAsync(erika);
        await Filing.TransitionAsync(clara, id, "InReview");
        var (_, etag) = await Filing.GetCaseAsync(clara, id);
        using var asked = await Filing.PostAsync(clara, $"/api/v1/cases/{id}/information-requests",
            new { message = "Bitte die Halterbestätigung nachreichen.", answerBy = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, etag);
        var requestId = (await Filing.ProblemAsync(asked)).GetProperty("informationRequests")[0].GetProperty("id").GetGuid();
        using var answer = Filing.Answer("Anbei\0 die Bestätigung.");

        using var response = await erika.PostAsync($"/api/v1/applications/{id}/information-requests/{requestId}/answer", answer, Ct);

        await AssertProblemAsync(response, "NUL in the multipart message", HttpStatusCode.BadRequest, "message");
        var (after, _) = await Filing.GetCaseAsync(clara, id);
        Assert.Equal("Open", after.GetProperty("informationRequests")[0].GetProperty("status").GetString());
    }

    /// <summary>Defects 3 and 4 in the citizen's own data: the form key, the draft's data (keys and values), messages.</summary>
    [Theory]
    [InlineData("NUL in a data key", "{\"data\": {\"name\\u0000\": \"x\"}}", "data")]
    [InlineData("NUL in a data value", "{\"data\": {\"name\": \"Mu\\u0000ller\"}}", "data")]
    [InlineData("lone high surrogate in a data value", "{\"data\": {\"name\": \"\\ud800\"}}", "data")]
    [InlineData("lone low surrogate in a nested data value", "{\"data\": {\"a\": [{\"b\": \"x\\udc00\"}]}}", "data")]
    [InlineData("lone surrogate in a data key", "{\"data\": {\"\\udbff\": 1}}", "data")]
    [InlineData("escape character in a data value", "{\"data\": {\"name\": \"\\u001b[31m\"}}", "data")]
    public async Task SaveDraft_WithUnsafeText_Is400NamingData_AndKeepsTheDraft(string defect, string body, string field)
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var created = await erika.PostAsJsonAsync("/api/v1/applications", new { form = "bewohnerparkausweis" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var before = await RevisionAsync(id);

        using var response = await erika.PutAsync($"/api/v1/applications/{id}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, defect, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await RevisionAsync(id));
    }

    [Fact]
    public async Task Body_WithUnknownCharset_Is415Problem()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        using var content = new StringContent("{\"kind\": \"webhook\", \"name\": \"Partner\"}");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "bogus" };

        using var response = await admin.PostAsync("/api/v1/outreach/channels", content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<int> RevisionAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Applications.AsNoTracking().SingleAsync(a => a.Id == id, Ct)).Revision;
    }

    [Theory]
    [InlineData("{\"form\": \"bewohner\\u0000parkausweis\"}", "form")]
    [InlineData("{\"form\": \"\\ud800\"}", "form")]
    public async Task CreateApplication_WithUnsafeFormKey_Is400NamingForm(string body, string field)
    {
        using var erika = await factory.CreateClientAsAsync("erika");

        using var response = await erika.PostAsync("/api/v1/applications", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, body, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Messages_WithNul_Are400NamingBody_OnBothSides()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await Filing.FileAsync(erika);

        using var citizen = await erika.PostAsync($"/api/v1/applications/{id}/messages",
            new StringContent("{\"body\": \"Guten Tag\\u0000\"}", Encoding.UTF8, "application/json"), Ct);
        using var staff = await caseworker.PostAsync($"/api/v1/cases/{id}/messages",
            new StringContent("{\"body\": \"\\u0000\", \"internal\": true}", Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(citizen, "citizen message", HttpStatusCode.BadRequest, "body");
        await AssertProblemAsync(staff, "case message", HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [InlineData("q=%00", "q")]
    [InlineData("q=Stadt%00fest", "q")]
    [InlineData("lang=de%00", "lang")]
    [InlineData("kind=News&q=%1B", "q")]
    public async Task ListAnnouncements_WithUnsafeQueryValue_Is400NamingTheParameter(string query, string field)
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync($"/api/v1/announcements?{query}", Ct);

        await AssertProblemAsync(response, query, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("\"headline\": \"\\ud800")]
    [InlineData("\"\\ud800\": \"x\", \"headline\": \"")]
    public async Task ImportAlert_WithLoneSurrogate_Is400(string replacement)
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");
        var json = await File.ReadAllTextAsync(Path.Combine(Announcements.CapTestFiles.Folder(), "bbk_mowas_cancel_power_outage.json"), Ct);
        var hostile = json.Replace("\"headline\": \"", replacement, StringComparison.Ordinal);
        Assert.NotEqual(json, hostile);

        using var response = await crisis.PostAsync("/api/v1/alerts/import", new StringContent(hostile, Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, "lone surrogate in headline", HttpStatusCode.BadRequest, field: null);
    }

    /// <summary>Defect 5: members the announcement cannot do without.</summary>
    [Theory]
    [InlineData("{\"kind\": \"News\", \"categories\": [\"verkehr\"]}", "variants")]
    [InlineData("{\"kind\": \"News\", \"variants\": [null]}", "variants[0]")]
    [InlineData("{\"kind\": \"News\", \"variants\": [{\"language\": \"de\"}]}", "variants[0].title")]
    [InlineData("{\"variants\": [{\"language\": \"de\", \"title\": \"Stadtfest\"}]}", "kind")]
    [InlineData("{\"kind\": \"News\", \"variants\": [{\"language\": \"de\", \"title\": \"Stadtfest\"}], \"images\": [null]}", "images[0]")]
    [InlineData("{\"kind\": \"News\", \"variants\": [{\"language\": \"de\", \"title\": \"Stadtfest\"}], \"links\": [{\"url\": \"https://x.example\"}]}", "links[0].title")]
    public async Task CreateAnnouncement_WithMissingOrNullMembers_Is400NamingTheField(string body, string field)
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        using var response = await editor.PostAsync("/api/v1/announcements", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, body, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("{}", "announcement")]
    [InlineData("{\"announcement\": null}", "announcement")]
    [InlineData("{\"announcement\": {\"kind\": \"News\"}}", "announcement.variants")]
    public async Task UpdateAnnouncement_WithMissingMembers_Is400NamingTheField(string body, string field)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var created = await editor.PostAsJsonAsync("/api/v1/announcements",
            new { kind = "News", variants = new[] { new { language = "de", title = "Stadtfest", body = "Am Samstag." } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/announcements/{id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag?.ToString() ?? "\"1\"");

        using var response = await editor.SendAsync(request, Ct);

        await AssertProblemAsync(response, body, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("erika", "/api/v1/applications/{0}/attachments")]
    [InlineData("erika", "/api/v1/applications/{0}/information-requests/{0}/answer")]
    [InlineData("editor", "/api/v1/outreach/posts/{0}/media")]
    public async Task Upload_WithAMultipartBodyCutShort_Is400Problem(string user, string path)
    {
        using var client = await factory.CreateClientAsAsync(user);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        using var response = await client.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()), content, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Found by the fuzz test: an instant with a non-UTC offset reached PostgreSQL's timestamptz as it was.</summary>
    [Fact]
    public async Task ChannelReport_WithInstantsInAnyOffset_Answers200()
    {
        using var editor = await factory.CreateClientAsAsync("editor");

        using var response = await editor.GetAsync($"/api/v1/outreach/channels/report?from={Uri.EscapeDataString("2026-03-29T03:30+02:00")}&to={Uri.EscapeDataString("2026-04-01T12:00-05:00")}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Strings are read by the host's own converter, which hides their schema from the OpenAPI generator unless given back.</summary>
    [Fact]
    public async Task OpenApiDocument_DescribesStringsAsStrings()
    {
        using var anonymous = factory.CreateClient();

        var schemas = (await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct)).GetProperty("components").GetProperty("schemas");

        Assert.Equal("string", schemas.GetProperty("CreateApplicationRequest").GetProperty("properties").GetProperty("form").GetProperty("type").GetString());
        var summary = schemas.GetProperty("VariantInput").GetProperty("properties").GetProperty("summary").GetProperty("type");
        Assert.Equal(["null", "string"], summary.EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string defect, HttpStatusCode expected, string? field)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{defect}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 2000)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), $"{defect}: no field named in {text}");
        if (field is not null)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{defect}: expected an error for '{field}' in {text}");
        }
    }
}
