using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Forms.Persistence;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Forms;

/// <summary>Citizens file the seeded municipal forms over HTTP: draft, save, submit, withdraw.</summary>
public sealed partial class ApplicationsTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Theory]
    [InlineData("hundesteuer-anmeldung", 0)]
    [InlineData("hundesteuer-anmeldung", 1)]
    [InlineData("bewohnerparkausweis", 0)]
    [InlineData("bewohnerparkausweis", 1)]
    [InlineData("gewerbeanmeldung-gewa1", 0)]
    [InlineData("gewerbeanmeldung-gewa1", 2)]
    public async Task File_SeededFormWithItsExample_IsSubmittedWithReferenceNumberAndFrozenData(string form, int example)
    {
        using var erika = await ClientAsAsync("erika");
        var data = await ExampleAsync(erika, form, example);

        var draft = await CreateDraftAsync(erika, form);
        (await erika.PutAsJsonAsync($"/api/v1/applications/{draft}", new { data }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var uploaded = await UploadRequiredAsync(erika, draft, form);
        var submitted = await SubmitAsync(erika, draft);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(uploaded, body.GetProperty("attachments").GetArrayLength());
        Assert.All(body.GetProperty("attachments").EnumerateArray(), a =>
        {
            Assert.Equal("application/pdf", a.GetProperty("mediaType").GetString());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(MinimalPdf)), a.GetProperty("sha256").GetString());
        });
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.Matches(ReferencePattern(), body.GetProperty("referenceNumber").GetString());
        Assert.True(JsonNode.DeepEquals(data, JsonNode.Parse(body.GetProperty("data").GetRawText())), "the example is stored as entered");
        Assert.Equal(TimeSpan.FromHours(1), body.GetProperty("submittedAtLocal").GetDateTimeOffset().Offset); // Europe/Berlin in winter

        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<FormsDbContext>().Applications.AsNoTracking()
            .SingleAsync(a => a.Id == draft, TestContext.Current.CancellationToken);
        Assert.Equal(body.GetProperty("referenceNumber").GetString(), stored.ReferenceNumber);
        Assert.True(JsonNode.DeepEquals(data, JsonNode.Parse(stored.Data)));
        Assert.True(await scope.ServiceProvider.GetRequiredService<FormsDbContext>().OutboxMessages
            .AnyAsync(m => m.EventType.Contains("ApplicationSubmitted") && m.Payload.Contains(draft.ToString()), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateDraft_PrefillsNameEmailAndAddressFromTheIdentityProvider()
    {
        using var erika = await ClientAsAsync("erika");

        var created = await erika.PostAsJsonAsync("/api/v1/applications", new { form = "hundesteuer-anmeldung" }, TestContext.Current.CancellationToken);

        var holder = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("data").GetProperty("holder");
        Assert.Equal("Mustermann", holder.GetProperty("familyName").GetString());
        Assert.Equal("Erika", holder.GetProperty("givenNames").GetString());
        Assert.Equal("erika.mustermann@example.org", holder.GetProperty("email").GetString());
        var address = holder.GetProperty("address");
        Assert.Equal("Musterweg", address.GetProperty("street").GetString());
        Assert.Equal("12", address.GetProperty("houseNumber").GetString());
        Assert.Equal("58507", address.GetProperty("postalCode").GetString());
        Assert.Equal("Lüdenscheid", address.GetProperty("city").GetString());
    }

    [Fact]
    public async Task Submit_WithHiddenConditionalSectionFilledIn_DropsIt()
    {
        using var erika = await ClientAsAsync("erika");
        var data = await ExampleAsync(erika, "hundesteuer-anmeldung", 1); // listed breed with competence proof
        data["dog"]!["listedBreed"] = false;

        var draft = await CreateDraftAsync(erika, "hundesteuer-anmeldung");
        await erika.PutAsJsonAsync($"/api/v1/applications/{draft}", new { data }, TestContext.Current.CancellationToken);
        await UploadAsync(erika, draft, "insurance-certificate", ("police.pdf", MinimalPdf));
        await UploadAsync(erika, draft, "vet-certificate-chip-exemption", ("attest.pdf", MinimalPdf));
        var submitted = await SubmitAsync(erika, draft);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var stored = await submitted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.False(stored.GetProperty("data").TryGetProperty("competenceProof", out _), "the hidden section is not stored");
        Assert.Equal("American Staffordshire Terrier", stored.GetProperty("data").GetProperty("dog").GetProperty("breed").GetString());
    }

    [Fact]
    public async Task Submit_WithInvalidData_Returns400WithAnEntryPerField()
    {
        using var erika = await ClientAsAsync("erika");
        var data = await ExampleAsync(erika, "hundesteuer-anmeldung", 0);
        data["holder"]!["address"]!["street"] = new string('a', 56);
        data["holder"]!["address"]!["postalCode"] = "5850";
        data["dog"]!["dateOfBirth"] = "26.04.2026";
        data["unknownField"] = "x";

        var draft = await CreateDraftAsync(erika, "hundesteuer-anmeldung");
        await erika.PutAsJsonAsync($"/api/v1/applications/{draft}", new { data }, TestContext.Current.CancellationToken);
        var response = await SubmitAsync(erika, draft);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("/holder/address/street", fields);
        Assert.Contains("/holder/address/postalCode", fields);
        Assert.Contains("/dog/dateOfBirth", fields);
        Assert.Contains(fields, f => f == "" || f == "/" || f.Contains("unknownField", StringComparison.Ordinal));
        Assert.DoesNotContain("/dog/listedBreed", fields); // a condition that does not hold is no error

        // Nothing was filed: the draft is still a draft.
        var still = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{draft}", TestContext.Current.CancellationToken);
        Assert.Equal("Draft", still.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("de-DE,de;q=0.9", "Bitte ausfüllen.", "Der Text ist zu lang.")]
    [InlineData("en-GB,en;q=0.9", "Required.", null)]
    public async Task Submit_WithMissingAndTooLongFields_AnswersInTheCallersLanguage(string acceptLanguage, string required, string? tooLong)
    {
        using var erika = await ClientAsAsync("erika");
        erika.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var data = await ExampleAsync(erika, "hundesteuer-anmeldung", 0);
        data["holder"]!.AsObject().Remove("familyName");
        data["holder"]!["address"]!["street"] = new string('a', 56);

        var draft = await CreateDraftAsync(erika, "hundesteuer-anmeldung");
        await erika.PutAsJsonAsync($"/api/v1/applications/{draft}", new { data }, TestContext.Current.CancellationToken);
        var errors = (await (await SubmitAsync(erika, draft)).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");

        Assert.Equal(required, errors.GetProperty("/holder/familyName")[0].GetString());
        var streetMessage = errors.GetProperty("/holder/address/street")[0].GetString();
        if (tooLong is not null)
        {
            Assert.Equal(tooLong, streetMessage);
        }
        else
        {
            Assert.Contains("55", streetMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("wrong-type", "/holder/otherDogsCount")]
    [InlineData("nested-null", "/holder")]
    [InlineData("nested-missing", "/dog")]
    public async Task Submit_WithWrongShape_Returns400AtTheField(string defect, string field)
    {
        using var erika = await ClientAsAsync("erika");
        var data = await ExampleAsync(erika, "hundesteuer-anmeldung", 0);
        switch (defect)
        {
            case "wrong-type": data["holder"]!["otherDogsCount"] = "two"; break;
            case "nested-null": data["holder"] = null; break;
            case "nested-missing": data.AsObject().Remove("dog"); break;
        }

        var draft = await CreateDraftAsync(erika, "hundesteuer-anmeldung");
        (await erika.PutAsJsonAsync($"/api/v1/applications/{draft}", new { data }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var response = await SubmitAsync(erika, draft);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error at {field}: {errors}");
    }

    [Fact]
    public async Task SaveDraft_WithMalformedJson_Returns400NamingThePosition()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await CreateDraftAsync(erika, "hundesteuer-anmeldung");

        var response = await erika.PutAsync($"/api/v1/applications/{draft}",
            new StringContent("{\"data\": {\"dog\": {\"name\": \"Bello\",}}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Invalid JSON", problem.GetProperty("title").GetString());
        Assert.Equal("$.data", problem.GetProperty("path").GetString());
        Assert.Equal(34, problem.GetProperty("bytePositionInLine").GetInt64()); // the '}' after the trailing comma
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000")]
    public async Task MyApplications_WithLimitOutOfRange_Returns400(string limit)
    {
        using var erika = await ClientAsAsync("erika");

        var response = await erika.GetAsync($"/api/v1/me/applications?limit={limit}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Control characters are refused at the boundary (issue 20); text is stored in NFC.</summary>
    [Fact]
    public async Task SaveDraft_WithControlCharacters_Is400NamingData_AndTextIsStoredInNfc()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await CreateDraftAsync(erika, "hundesteuer-anmeldung");

        var refused = await erika.PutAsync($"/api/v1/applications/{draft}",
            new StringContent("{\"data\":{\"dog\":{\"name\":\"Bel\\u0000lo\\u0007\"}}}", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var saved = await erika.PutAsync($"/api/v1/applications/{draft}",
            new StringContent("{\"data\":{\"dog\":{\"name\":\"Bello\",\"color\":\"Cafe\\u0301\\nbraun\"}}}", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty("data", out _));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var dog = (await saved.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("data").GetProperty("dog");
        Assert.Equal("Bello", dog.GetProperty("name").GetString());
        Assert.Equal("Caf\u00e9\nbraun", dog.GetProperty("color").GetString()); // NFC: e + combining acute → é
    }

    [Fact]
    public async Task CreateDraft_SameKeyForAnotherForm_Is409()
    {
        using var erika = await ClientAsAsync("erika");
        var key = Guid.NewGuid().ToString();
        await CreateDraftAsync(erika, "hundesteuer-anmeldung", key);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(new { form = "bewohnerparkausweis" }) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await erika.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task DateOnlyValue_IsNeverShifted()
    {
        using var erika = await ClientAsAsync("erika");
        var data = await ExampleAsync(erika, "hundesteuer-anmeldung", 0);
        data["keeping"]!["startDate"] = "2026-04-26";

        var draft = await CreateDraftAsync(erika, "hundesteuer-anmeldung");
        await erika.PutAsJsonAsync($"/api/v1/applications/{draft}", new { data }, TestContext.Current.CancellationToken);
        await UploadRequiredAsync(erika, draft, "hundesteuer-anmeldung");
        var submitted = await (await SubmitAsync(erika, draft)).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal("2026-04-26", submitted.GetProperty("data").GetProperty("keeping").GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task OtherCitizensApplication_Is404NotA403()
    {
        using var erika = await ClientAsAsync("erika");
        using var max = await ClientAsAsync("max");
        var draft = await CreateDraftAsync(erika, "hundesteuer-anmeldung");

        Assert.Equal(HttpStatusCode.NotFound, (await max.GetAsync($"/api/v1/applications/{draft}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(max, draft)).StatusCode);
        var mine = await max.GetFromJsonAsync<JsonElement>("/api/v1/me/applications", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == draft);
    }

    [Fact]
    public async Task FormNeedingSubstantial_WithBasicToken_Is403NamingTheLevel()
    {
        using var max = await ClientAsAsync("max"); // assurance basic

        var response = await max.PostAsJsonAsync("/api/v1/applications", new { form = "gewerbeanmeldung-gewa1" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("substantial", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffToken_CannotFileApplications()
    {
        using var caseworker = await ClientAsAsync("caseworker");

        var response = await caseworker.PostAsJsonAsync("/api/v1/applications", new { form = "hundesteuer-anmeldung" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreateDraft_TwiceWithSameIdempotencyKey_ReturnsTheSameDraft()
    {
        using var erika = await ClientAsAsync("erika");
        var key = Guid.NewGuid().ToString();

        var first = await CreateDraftAsync(erika, "bewohnerparkausweis", key);
        var second = await CreateDraftAsync(erika, "bewohnerparkausweis", key);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Submit_FiveTimesAtOnceWithSameKey_FilesOneApplicationAndAnswersAllAlike()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await FilledDraftAsync(erika, "bewohnerparkausweis");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SubmitAsync(erika, draft, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var references = await Task.WhenAll(responses.Select(async r =>
            (await r.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("referenceNumber").GetString()));
        Assert.Single(references.Distinct());
    }

    [Fact]
    public async Task Submit_FiveTimesAtOnceWithoutKey_FilesOneAndAnswersTheRestWith409()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await FilledDraftAsync(erika, "bewohnerparkausweis");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SubmitAsync(erika, draft)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task Submit_FiftyDraftsInParallel_GivesFiftyDistinctReferenceNumbers()
    {
        using var erika = await ClientAsAsync("erika");
        var drafts = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            drafts.Add(await FilledDraftAsync(erika, "bewohnerparkausweis"));
        }

        var responses = await Task.WhenAll(drafts.Select(d => SubmitAsync(erika, d)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var references = await Task.WhenAll(responses.Select(async r =>
            (await r.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("referenceNumber").GetString()));
        Assert.Equal(50, references.Distinct().Count());
    }

    [Theory]
    [InlineData("hundesteuer-anmeldung")]
    [InlineData("gewerbeanmeldung-gewa1")]
    public async Task CreateAndSubmit_Answers_AreTheApplicationAsReadAfterwards(string form)
    {
        // Both answers are built from what the handler holds, not read back; they must not differ from a read.
        using var erika = await ClientAsAsync("erika");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(new { form }) };
        var created = await (await erika.SendAsync(create, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var draft = JsonNode.Parse(created)!["id"]!.GetValue<Guid>();
        AssertSameJson(created, await erika.GetStringAsync($"/api/v1/applications/{draft}", TestContext.Current.CancellationToken));

        var filled = await FilledDraftAsync(erika, form);
        var submitted = await (await SubmitAsync(erika, filled)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var read = await erika.GetStringAsync($"/api/v1/applications/{filled}", TestContext.Current.CancellationToken);
        Assert.Equal("Submitted", JsonNode.Parse(submitted)!["status"]!.GetValue<string>());
        Assert.NotEmpty(JsonNode.Parse(submitted)!["case"]!["history"]!.AsArray());
        AssertSameJson(read, submitted);
    }

    /// <summary>The same JSON (properties in any order; jsonb sorts them), instants compared to the microseconds PostgreSQL stores.</summary>
    private static void AssertSameJson(string expected, string actual)
    {
        // An instant written from memory drops trailing zeros (".53273") and may carry 100 ns ticks;
        // read back from PostgreSQL it has microseconds: compare both as six digits.
        static string Micro(string json) => Instant().Replace(json, m =>
            m.Groups[1].Value + "." + (m.Groups[2].Success ? m.Groups[2].Value[1..] : "").PadRight(6, '0')[..6]);
        var (left, right) = (JsonNode.Parse(Micro(expected)), JsonNode.Parse(Micro(actual)));
        Assert.True(JsonNode.DeepEquals(left, right), $"expected {left?.ToJsonString()}\n but got {right?.ToJsonString()}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(T\d\d:\d\d:\d\d)(\.\d+)?(?=[+Z-])")]
    private static partial System.Text.RegularExpressions.Regex Instant();

    [Fact]
    public async Task Withdraw_SubmittedApplication_IsWithdrawnAndCannotBeSubmittedAgain()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await FilledDraftAsync(erika, "bewohnerparkausweis");
        await SubmitAsync(erika, draft);

        var withdrawn = await erika.PostAsync($"/api/v1/applications/{draft}/withdraw", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await SubmitAsync(erika, draft)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await erika.PutAsJsonAsync($"/api/v1/applications/{draft}", new { data = new { } }, TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>A tiny but real PDF header: type detection looks at the first bytes only.</summary>
    internal static readonly byte[] MinimalPdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private async Task<Guid> FilledDraftAsync(HttpClient client, string form)
    {
        var data = await ExampleAsync(client, form, 0);
        var draft = await CreateDraftAsync(client, form);
        (await client.PutAsJsonAsync($"/api/v1/applications/{draft}", new { data }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await UploadRequiredAsync(client, draft, form);
        return draft;
    }

    /// <summary>Uploads a PDF into every slot marked required (conditional ones too); returns how many.</summary>
    private static async Task<int> UploadRequiredAsync(HttpClient client, Guid draft, string form)
    {
        var definition = await client.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{form}", TestContext.Current.CancellationToken);
        var count = 0;
        foreach (var slot in definition.GetProperty("definition").GetProperty("attachmentSlots").EnumerateArray()
                     .Where(s => s.GetProperty("required").GetBoolean()))
        {
            var response = await UploadAsync(client, draft, slot.GetProperty("name").GetString()!, ($"{slot.GetProperty("name").GetString()}.pdf", MinimalPdf));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            count++;
        }

        return count;
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid draft, string slot, params (string Name, byte[] Content)[] files)
    {
        using var content = new MultipartFormDataContent { { new StringContent(slot), "slot" } };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", name);
        }

        return await client.PostAsync($"/api/v1/applications/{draft}/attachments", content, TestContext.Current.CancellationToken);
    }

    private static async Task<Guid> CreateDraftAsync(HttpClient client, string form, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(new { form }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid draft, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{draft}/submit");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode < 500, $"submit answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<JsonNode> ExampleAsync(HttpClient client, string form, int index)
    {
        var definition = await client.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{form}", TestContext.Current.CancellationToken);
        return JsonNode.Parse(definition.GetProperty("definition").GetProperty("schema").GetProperty("examples")[index].GetRawText())!;
    }

    private Task<HttpClient> ClientAsAsync(string user) => factory.CreateClientAsAsync(user);

    [System.Text.RegularExpressions.GeneratedRegex(@"^EGOV-20\d\d-\d{6}$")]
    private static partial System.Text.RegularExpressions.Regex ReferencePattern();
}
