using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.Testing;

namespace Egov.IntegrationTests.Forms;

/// <summary>Form definitions over HTTP: administrators create, version and publish; everybody reads the catalog.</summary>
public sealed class FormCatalogTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task CreateAndPublish_NewForm_AppearsInCatalogOnlyWhenPublished()
    {
        using var admin = await ClientAsAsync("admin");
        var key = UniqueKey("sperrmuell");

        var created = await admin.PostAsJsonAsync("/api/v1/forms", MinimalForm(key), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var formId = draft.GetProperty("formId").GetGuid();
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(created.Headers.Location, TestContext.Current.CancellationToken)).StatusCode);

        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/forms/{key}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(key, await anonymous.GetStringAsync("/api/v1/forms?limit=100", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var published = await admin.PostAsync($"/api/v1/forms/{formId}/versions/1/publish", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var definition = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{key}", TestContext.Current.CancellationToken);
        Assert.Equal(1, definition.GetProperty("version").GetInt32());
        Assert.Equal("Sperrmüll anmelden", definition.GetProperty("definition").GetProperty("title").GetProperty("de").GetString());
        Assert.Equal("object", definition.GetProperty("definition").GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains(key, await anonymous.GetStringAsync("/api/v1/forms?limit=100", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedVersion_IsImmutable_AndANewVersionReplacesItForNewReaders()
    {
        using var admin = await ClientAsAsync("admin");
        var key = UniqueKey("wahlhelfer");
        var formId = await CreatePublishedAsync(admin, key);

        var edit = await admin.PutAsJsonAsync($"/api/v1/forms/{formId}/versions/1", MinimalForm(key), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);

        var second = MinimalForm(key);
        second["title"]!["de"] = "Sperrmüll anmelden (neu)";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/forms/{formId}/versions", second, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/forms/{formId}/versions/2/publish", null, TestContext.Current.CancellationToken)).StatusCode);

        using var anonymous = factory.CreateClient();
        var current = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{key}", TestContext.Current.CancellationToken);
        var first = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{key}?version=1", TestContext.Current.CancellationToken);
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal("Sperrmüll anmelden (neu)", current.GetProperty("definition").GetProperty("title").GetProperty("de").GetString());
        Assert.Equal("Sperrmüll anmelden", first.GetProperty("definition").GetProperty("title").GetProperty("de").GetString());
    }

    [Fact]
    public async Task RetiredForm_LeavesTheCatalog_ButItsVersionsStayReadable()
    {
        using var admin = await ClientAsAsync("admin");
        var key = UniqueKey("altpapier");
        var formId = await CreatePublishedAsync(admin, key);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/forms/{formId}/retire", null, TestContext.Current.CancellationToken)).StatusCode);

        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/forms/{key}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/forms/{key}?version=1", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(key, await anonymous.GetStringAsync("/api/v1/forms?limit=100", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schema-not-a-schema", "schema")]
    [InlineData("example-invalid", "schema.examples[0]/email")]
    [InlineData("no-examples", "schema.examples")]
    [InlineData("scope-missing", "uiLayout")]
    [InlineData("bad-slot-type", "attachmentSlots[0].allowedTypes[0]")]
    [InlineData("bad-assurance", "requiredAssuranceLevel")]
    [InlineData("bad-key", "key")]
    [InlineData("root-ref-unresolvable", "schema")]
    [InlineData("root-ref-to-itself", "schema")]
    [InlineData("refs-in-a-cycle", "schema")]
    [InlineData("ref-not-a-string", "schema")]
    [InlineData("unknown-keyword", "schema")]
    [InlineData("rule-condition-ref-to-itself", "uiLayout")]
    public async Task Create_WithBrokenDefinition_Returns400NamingTheField(string defect, string field)
    {
        using var admin = await ClientAsAsync("admin");
        var form = MinimalForm(UniqueKey("kaputt"));
        switch (defect)
        {
            case "schema-not-a-schema": form["schema"]!["type"] = "banana"; break;
            case "example-invalid": form["schema"]!["examples"] = new JsonArray(new JsonObject { ["name"] = "Erika", ["email"] = "not-an-email" }); break;
            case "no-examples": form["schema"]!.AsObject().Remove("examples"); break;
            case "scope-missing": form["uiLayout"]!["elements"]![0]!["scope"] = "#/properties/nonexistent"; break;
            case "bad-slot-type": form["attachmentSlots"]![0]!["allowedTypes"] = new JsonArray("application/x-msdownload"); break;
            case "bad-assurance": form["requiredAssuranceLevel"] = "medium"; break;
            case "bad-key": form["key"] = "Not A Slug"; break;

            // Found by a bad-input probe: these answered 500, and the first one overflowed the stack
            // of the whole host.
            case "root-ref-unresolvable": form["schema"]!["$ref"] = "#/nope"; break;
            case "root-ref-to-itself": form["schema"]!["$ref"] = "#/properties/name/$ref"; form["schema"]!["properties"]!["name"]!["$ref"] = "#/$ref"; break;
            case "refs-in-a-cycle":
                form["schema"]!["$defs"] = new JsonObject { ["a"] = new JsonObject { ["$ref"] = "#/$defs/b" }, ["b"] = new JsonObject { ["$ref"] = "#/$defs/a" } };
                form["schema"]!["properties"]!["name"] = new JsonObject { ["$ref"] = "#/$defs/a" };
                break;
            case "ref-not-a-string": form["schema"]!["properties"]!["name"]!["$ref"] = 42; break;
            case "unknown-keyword": form["schema"] = new JsonObject { ["a"] = 1 }; break;
            case "rule-condition-ref-to-itself":
                form["uiLayout"]!["elements"]![0]!["rule"] = new JsonObject
                {
                    ["effect"] = "HIDE",
                    ["condition"] = new JsonObject { ["scope"] = "#/properties/name", ["schema"] = new JsonObject { ["$ref"] = "#" } },
                };
                break;
        }

        var response = await admin.PostAsJsonAsync("/api/v1/forms", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(fields.Any(f => f.StartsWith(field, StringComparison.Ordinal)), $"expected an error for '{field}', got: {string.Join(", ", fields)}");
    }

    [Theory]
    [InlineData("{}", "title")]
    [InlineData("{\"key\":\"x\"}", "title")]
    [InlineData("{\"key\":\"x\",\"title\":{\"de\":\"x\"}}", "fee")]
    [InlineData("null", null)]
    public async Task Create_WithIncompleteBody_Returns400NotA500(string body, string? member)
    {
        using var admin = await ClientAsAsync("admin");

        var response = await admin.PostAsync("/api/v1/forms", new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        if (member is not null)
        {
            Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name == member);
        }
    }

    [Theory]
    [InlineData("title")]
    [InlineData("fee")]
    [InlineData("schema")]
    public async Task Create_WithNullMember_Returns400NamingIt(string member)
    {
        using var admin = await ClientAsAsync("admin");
        var form = MinimalForm(UniqueKey("null"));
        form[member] = null;

        var response = await admin.PostAsJsonAsync("/api/v1/forms", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(member, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SameKeyFiveTimesAtOnce_CreatesOneAndAnswersTheOthersWith409()
    {
        using var admin = await ClientAsAsync("admin");
        var key = UniqueKey("gleichzeitig");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            admin.PostAsJsonAsync("/api/v1/forms", MinimalForm(key), TestContext.Current.CancellationToken)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task Create_WithSameKeyTwice_Returns409()
    {
        using var admin = await ClientAsAsync("admin");
        var key = UniqueKey("doppelt");
        await admin.PostAsJsonAsync("/api/v1/forms", MinimalForm(key), TestContext.Current.CancellationToken);

        var second = await admin.PostAsJsonAsync("/api/v1/forms", MinimalForm(key), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData("erika", HttpStatusCode.Forbidden)]
    [InlineData("editor", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Create_ByNonAdministrator_IsRefused(string? user, HttpStatusCode expected)
    {
        using var client = user is null ? factory.CreateClient() : await ClientAsAsync(user);

        var response = await client.PostAsJsonAsync("/api/v1/forms", MinimalForm(UniqueKey("fremd")), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>Found by the fuzz test (issue 20): a <c>requiredWhen</c> without its pointer was a 500.</summary>
    [Fact]
    public async Task Create_WithRequiredWhenWithoutPointer_Is400NamingIt()
    {
        using var admin = await ClientAsAsync("admin");
        var form = MinimalForm(UniqueKey("bedingt"));
        form["attachmentSlots"]![0]!["requiredWhen"] = new System.Text.Json.Nodes.JsonObject { ["const"] = true };

        var response = await admin.PostAsJsonAsync("/api/v1/forms", form, TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Contains("requiredWhen.pointer", body, StringComparison.Ordinal);
    }

    private async Task<Guid> CreatePublishedAsync(HttpClient admin, string key)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/forms", MinimalForm(key), TestContext.Current.CancellationToken);
        var formId = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("formId").GetGuid();
        (await admin.PostAsync($"/api/v1/forms/{formId}/versions/1/publish", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return formId;
    }

    private Task<HttpClient> ClientAsAsync(string user) => factory.CreateClientAsAsync(user);

    internal static string UniqueKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    internal static JsonNode MinimalForm(string key) => JsonNode.Parse($$"""
        {
          "key": "{{key}}",
          "title": { "de": "Sperrmüll anmelden", "en": "Book a bulky waste collection" },
          "description": { "de": "Abholung von Sperrmüll.", "en": "Collection of bulky waste." },
          "department": "waste-management",
          "processingDeadlineDays": 10,
          "fee": { "amountEur": 0, "text": { "de": "Kostenlos", "en": "Free" } },
          "requiredAssuranceLevel": "basic",
          "retentionDays": 365,
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "additionalProperties": false,
            "required": ["name", "email"],
            "properties": {
              "name": { "type": "string", "minLength": 1, "maxLength": 100 },
              "email": { "type": "string", "format": "email" }
            },
            "examples": [ { "name": "Erika Mustermann", "email": "erika.mustermann@example.org" } ]
          },
          "uiLayout": { "type": "VerticalLayout", "elements": [
            { "type": "Control", "scope": "#/properties/name", "i18n": "name" },
            { "type": "Control", "scope": "#/properties/email", "i18n": "email" } ] },
          "translations": { "de": { "name.label": "Name", "email.label": "E-Mail" }, "en": { "name.label": "Name", "email.label": "E-mail" } },
          "attachmentSlots": [ { "name": "photo", "label": { "de": "Foto", "en": "Photo" }, "required": false, "requiredWhen": null,
            "allowedTypes": ["image/jpeg", "image/png"], "maxSizeBytes": 5242880, "maxCount": 3 } ]
        }
        """)!;
}
