using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Testing;

namespace Egov.IntegrationTests.Announcements;

/// <summary>
/// Crisis templates over HTTP: written by an Editor, usable only after an Approver approved the current revision,
/// issued by a CrisisManager by filling placeholders — the alert is then in force, break-glass, and the issue names
/// the template revision. Bad templates and missing values are 400 naming the field.
/// </summary>
public sealed class AlertTemplateTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Template_IsIssuedOnlyAfterFourEyes_AndAnEditNeedsThemAgain()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        using var crisis = await factory.CreateClientAsAsync("crisis");
        var created = await editor.PostAsJsonAsync("/api/v1/alerts/templates", Template("Trinkwasser abkochen"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = await Json(created);
        var id = template.GetProperty("id").GetGuid();
        Assert.False(template.GetProperty("approved").GetBoolean());
        Assert.Equal(new[] { "Ort", "Zeit" }, template.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));

        var unapproved = await crisis.PostAsJsonAsync($"/api/v1/alerts/templates/{id}/issue", Values(), Ct);
        Assert.Equal(HttpStatusCode.Conflict, unapproved.StatusCode);
        Assert.Contains("not approved", (await Json(unapproved)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(editor, HttpMethod.Post, $"/api/v1/alerts/templates/{id}/approve", created.Headers.ETag!.Tag)).StatusCode);

        var approved = await SendAsync(approver, HttpMethod.Post, $"/api/v1/alerts/templates/{id}/approve", created.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Paul Pressesprecher", (await Json(approved)).GetProperty("approvedByName").GetString());

        var edited = await SendAsync(editor, HttpMethod.Put, $"/api/v1/alerts/templates/{id}", approved.Headers.ETag!.Tag, Template("Trinkwasser abkochen (neu)"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var revision2 = await Json(edited);
        Assert.Equal(2, revision2.GetProperty("revision").GetInt32());
        Assert.False(revision2.GetProperty("approved").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await crisis.PostAsJsonAsync($"/api/v1/alerts/templates/{id}/issue", Values(), Ct)).StatusCode);
    }

    [Fact]
    public async Task Issue_FillsThePlaceholders_AndTheAlertIsInForce_Recorded()
    {
        var id = await ApprovedTemplateAsync("Gasaustritt");
        using var crisis = await factory.CreateClientAsAsync("crisis");

        var issued = await crisis.PostAsJsonAsync($"/api/v1/alerts/templates/{id}/issue", Values(), Ct);

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var issue = await Json(issued);
        Assert.Equal(1, issue.GetProperty("templateRevision").GetInt32());
        Assert.Equal("Kim Krisenstab", issue.GetProperty("issuedByName").GetString());
        Assert.True(issue.GetProperty("breakGlass").GetBoolean());
        var alertId = issue.GetProperty("alertId").GetGuid();
        using var anonymous = factory.CreateClient();
        var active = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/alerts/active", Ct);
        var alert = active.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == alertId);
        Assert.Equal("Gasaustritt: Südstadt", alert.GetProperty("title").GetString());
        Assert.Contains("Ab 14:30 Uhr", alert.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("{", alert.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal("Severe", alert.GetProperty("alert").GetProperty("severity").GetString());
        Assert.Equal("Südstadt", alert.GetProperty("alert").GetProperty("areas")[0].GetProperty("description").GetString());
        var english = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/announcements/{alertId}?lang=en", Ct);
        Assert.Equal("Gas leak: Südstadt", english.GetProperty("title").GetString());
        var plain = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/announcements/{alertId}?lang=de-x-ls", Ct);
        Assert.Equal("de-x-ls", plain.GetProperty("language").GetString());
    }

    [Fact]
    public async Task MissingOrUnknownValues_Are400NamingThePlaceholder()
    {
        var id = await ApprovedTemplateAsync("Evakuierung");
        using var crisis = await factory.CreateClientAsAsync("crisis");

        var missing = await crisis.PostAsJsonAsync($"/api/v1/alerts/templates/{id}/issue", new { values = new Dictionary<string, string> { ["Ort"] = "Altstadt" } }, Ct);
        var unknown = await crisis.PostAsJsonAsync($"/api/v1/alerts/templates/{id}/issue", new { values = new Dictionary<string, string> { ["Ort"] = "Altstadt", ["Zeit"] = "9 Uhr", ["Datum"] = "heute" } }, Ct);
        var empty = await crisis.PostAsync($"/api/v1/alerts/templates/{id}/issue", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await Json(missing)).GetProperty("errors").TryGetProperty("values.Zeit", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Json(unknown)).GetProperty("errors").TryGetProperty("values.Datum", out _));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await Json(empty)).GetProperty("errors").TryGetProperty("values.Ort", out _));
    }

    [Fact]
    public async Task UnknownPlaceholderOrBadCapValue_IsRefusedWhenSaved()
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        var template = Template("Hochwasser");
        template["variants"] = new[] { new { language = "de", title = "Hochwasser in {Stadtteil}", text = "Text", instruction = "Tun Sie etwas." } };
        ((Dictionary<string, object?>)template["alert"]!)["severity"] = "Catastrophic";

        var response = await editor.PostAsJsonAsync("/api/v1/alerts/templates", template, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.Contains("{Stadtteil}", errors.GetProperty("variants[0].title")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("alert.severity", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.CreateClientAsAsync("caseworker")).PostAsJsonAsync("/api/v1/alerts/templates", Template("x"), Ct)).StatusCode);
    }

    [Theory]
    [InlineData("", "[]")]
    [InlineData("", "\"text\"")]
    [InlineData("", "{\"variants\": [1]}")]
    [InlineData("", "{\"name\": \"x\", \"alert\": {\"validHours\": \"six\"}}")]
    [InlineData("", "{\"name\": ")]
    [InlineData("/issue", "{\"values\": {\"Ort\": 1}}")]
    [InlineData("/issue", "{\"values\": [\"Ort\"]}")]
    [InlineData("/issue", "{\"values\": {\"Ort\": \"A\\u0000B\", \"Zeit\": \"9\"}}")]
    public async Task BadBodies_Are400_Never500(string path, string body)
    {
        var id = await ApprovedTemplateAsync("Unwetter " + Guid.NewGuid().ToString("N")[..6]);
        using var client = await factory.CreateClientAsAsync(path.Length == 0 ? "editor" : "crisis");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = path.Length == 0
            ? await client.PostAsync("/api/v1/alerts/templates", content, Ct)
            : await client.PostAsync($"/api/v1/alerts/templates/{id}{path}", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<Guid> ApprovedTemplateAsync(string name)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        var created = await editor.PostAsJsonAsync("/api/v1/alerts/templates", Template(name), Ct);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(approver, HttpMethod.Post, $"/api/v1/alerts/templates/{id}/approve", created.Headers.ETag!.Tag)).StatusCode);
        return id;
    }

    private static Dictionary<string, object?> Template(string name) => new()
    {
        ["name"] = name,
        ["variants"] = new object[]
        {
            new { language = "de", title = name + ": {Ort}", text = "Ab {Zeit} Uhr gilt in {Ort}: " + name + ".", instruction = "Bleiben Sie in {Ort} in Gebäuden. Schließen Sie Fenster." },
            new { language = "de-x-ls", title = name + " in {Ort}", text = "Ab {Zeit} Uhr gibt es Gefahr.", instruction = "Bleiben Sie drinnen." },
            new { language = "en", title = (name == "Gasaustritt" ? "Gas leak" : name) + ": {Ort}", text = "From {Zeit} in {Ort}.", instruction = "Stay indoors." },
        },
        ["channels"] = new[] { new { name = "Stadt Mastodon", kind = "Mastodon" }, new { name = "App", kind = "Push" } },
        ["alert"] = new Dictionary<string, object?>
        {
            ["event"] = name,
            ["category"] = "Safety",
            ["urgency"] = "Immediate",
            ["severity"] = "Severe",
            ["certainty"] = "Observed",
            ["responseType"] = "Shelter",
            ["areaDescription"] = "{Ort}",
            ["geocodes"] = new[] { new { valueName = "ARS", value = "059620032032" } },
            ["validHours"] = 6,
        },
    };

    private static object Values() => new { values = new Dictionary<string, string> { ["Ort"] = "Südstadt", ["Zeit"] = "14:30" } };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string etag, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
}
