using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;
using static Egov.IntegrationTests.Forms.Cases.Filing;

namespace Egov.IntegrationTests.Forms.Cases;

/// <summary>
/// Decision notices (Bescheide): templates checked when a form version is saved, previewed and issued
/// with the decision, stored with a SHA-256 fingerprint, downloaded by the applicant and the department only.
/// </summary>
public sealed class DecisionNoticeTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    /// <summary>Each seeded form, the member of staff of its department, and the decision.</summary>
    public static TheoryData<string, string, string, string> SeededForms => new()
    {
        { "bewohnerparkausweis", "caseworker", "rejection", "Ablehnung Ihres Antrags auf einen Bewohnerparkausweis" },
        { "hundesteuer-anmeldung", "caseworker", "approval", "Bestätigung der Anmeldung Ihres Hundes zur Hundesteuer" },
        { "gewerbeanmeldung-gewa1", "admin", "partial", "Teilweise Bestätigung Ihrer Gewerbeanzeige" },
    };

    [Theory]
    [MemberData(nameof(SeededForms))]
    public async Task Issue_ForEachSeededForm_StoresATaggedPdfWithEmbeddedFontsAndItsText_WhoseFingerprintVerifies(string form, string staffUser, string kind, string title)
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        using var staff = await factory.CreateClientAsAsync(staffUser);
        var (id, reference) = await FileAsync(erika, form);
        await TransitionAsync(staff, id, "InReview");
        const string text = "Die Prüfung hat ergeben: Die Voraussetzungen nach der Satzung über Straßenbenutzung (§ 3 Abs. 2) sind nur teilweise erfüllt – Größe, Gewicht & Co.";

        var preview = await staff.PostAsJsonAsync($"/api/v1/cases/{id}/decision/preview?format=html", new { kind, text }, ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync(ct);
        Assert.Contains($"<h2>{title}</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Größe, Gewicht &amp; Co.", html, StringComparison.Ordinal);

        var (_, etag) = await GetCaseAsync(staff, id);
        var issued = await PostAsync(staff, $"/api/v1/cases/{id}/decision", new { kind, text }, etag);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var detail = await issued.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(kind == "rejection" ? "Rejected" : "Approved", detail.GetProperty("status").GetString());
        var notice = Assert.Single(detail.GetProperty("decisionNotices").EnumerateArray());
        Assert.Equal(kind, notice.GetProperty("kind").GetString());
        Assert.Equal(title, notice.GetProperty("title").GetString());
        var decision = detail.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(notice.GetProperty("id").GetGuid(), decision.GetProperty("decisionNoticeId").GetGuid());
        Assert.Equal(text, decision.GetProperty("reason").GetString());

        var application = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", ct);
        var mine = Assert.Single(application.GetProperty("case").GetProperty("decisionNotices").EnumerateArray());
        var download = await erika.GetAsync(mine.GetProperty("url").GetString(), ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var pdf = await download.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(mine.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Equal(pdf.Length, mine.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(pdf, await (await staff.GetAsync(notice.GetProperty("url").GetString(), ct)).Content.ReadAsByteArrayAsync(ct));

        var printed = Squash(Text(pdf));
        Assert.Contains(Squash(title), printed, StringComparison.Ordinal);
        Assert.Contains(reference, printed, StringComparison.Ordinal);
        Assert.Contains(Squash(text), printed, StringComparison.Ordinal);
        Assert.Contains("Rechtsbehelfsbelehrung", printed, StringComparison.Ordinal);
        Assert.Contains(Squash("Gegen diesen Bescheid können Sie innerhalb eines Monats"), printed, StringComparison.Ordinal);
        Assert.Contains("ErikaMustermann", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", printed, StringComparison.Ordinal);
        Assert.True(IsTagged(pdf), "The notice is not a tagged PDF.");
        var fonts = Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"Font {f.Name} is not embedded."));
    }

    [Fact]
    public async Task Download_OfAnotherCitizensNotice_Is404_AsForStaffOfAnotherDepartment_AndAnonymous401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        using var max = await factory.CreateClientAsAsync("max");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        using var karl = await factory.CreateClientAsAsync("caseworker2");
        var (id, _) = await FileAsync(erika);
        await TransitionAsync(clara, id, "InReview");
        var (_, etag) = await GetCaseAsync(clara, id);
        var detail = await (await PostAsync(clara, $"/api/v1/cases/{id}/decision", new { kind = "approval" }, etag)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var noticeId = detail.GetProperty("decisionNotices")[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await erika.GetAsync($"/api/v1/applications/{id}/decision-notices/{noticeId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await max.GetAsync($"/api/v1/applications/{id}/decision-notices/{noticeId}", ct)).StatusCode);
        var (maxOwn, _) = await FileAsync(max);
        Assert.Equal(HttpStatusCode.NotFound, (await max.GetAsync($"/api/v1/applications/{maxOwn}/decision-notices/{noticeId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karl.GetAsync($"/api/v1/cases/{id}/decision-notices/{noticeId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await max.GetAsync($"/api/v1/cases/{id}/decision-notices/{noticeId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/applications/{id}/decision-notices/{noticeId}", ct)).StatusCode);
    }

    [Fact]
    public async Task Issue_ByStaffOfAnotherDepartment_Is404_AndWithoutReasonsForARejection_Is400_AndNothingIsStored()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        using var karl = await factory.CreateClientAsAsync("caseworker2");
        var (id, _) = await FileAsync(erika);
        await TransitionAsync(clara, id, "InReview");
        var (_, etag) = await GetCaseAsync(clara, id);

        var otherDepartment = await PostAsync(karl, $"/api/v1/cases/{id}/decision", new { kind = "approval" }, etag);
        var noReasons = await PostAsync(clara, $"/api/v1/cases/{id}/decision", new { kind = "rejection", text = "  " }, etag);
        var unknownKind = await PostAsync(clara, $"/api/v1/cases/{id}/decision", new { kind = "maybe" }, etag);
        var noIfMatch = await PostAsync(clara, $"/api/v1/cases/{id}/decision", new { kind = "approval" }, null);

        Assert.Equal(HttpStatusCode.NotFound, otherDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.True((await ProblemAsync(noReasons)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.True((await ProblemAsync(unknownKind)).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        var (after, afterETag) = await GetCaseAsync(clara, id);
        Assert.Equal(etag, afterETag);
        Assert.Equal("InReview", after.GetProperty("status").GetString());
        Assert.Empty(after.GetProperty("decisionNotices").EnumerateArray());
    }

    [Fact]
    public async Task Issue_WhenTheCaseIsNotInReview_Is409_AndThePreviewToo()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, _) = await FileAsync(erika);
        var (_, etag) = await GetCaseAsync(clara, id);

        var issued = await PostAsync(clara, $"/api/v1/cases/{id}/decision", new { kind = "approval" }, etag);
        var preview = await clara.PostAsJsonAsync($"/api/v1/cases/{id}/decision/preview", new { kind = "approval" }, ct);

        Assert.Equal(HttpStatusCode.Conflict, issued.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, preview.StatusCode);
        Assert.Empty((await GetCaseAsync(clara, id)).Body.GetProperty("decisionNotices").EnumerateArray());
    }

    [Fact]
    public async Task Preview_AsPdf_IsTheNoticeWithoutStoringIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        using var clara = await factory.CreateClientAsAsync("caseworker");
        var (id, reference) = await FileAsync(erika);
        await TransitionAsync(clara, id, "InReview");

        var preview = await clara.PostAsJsonAsync($"/api/v1/cases/{id}/decision/preview", new { kind = "approval", text = "Bitte Ausweis abholen." }, ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        var printed = Squash(Text(await preview.Content.ReadAsByteArrayAsync(ct)));
        Assert.Contains(reference, printed, StringComparison.Ordinal);
        Assert.Contains("MK-EM1234", printed, StringComparison.Ordinal);
        Assert.Contains("BitteAusweisabholen.", printed, StringComparison.Ordinal);
        var (detail, _) = await GetCaseAsync(clara, id);
        Assert.Equal("InReview", detail.GetProperty("status").GetString());
        Assert.Empty(detail.GetProperty("decisionNotices").EnumerateArray());
    }

    [Theory]
    [InlineData("{{ data.nickname }}", "Unknown field 'data.nickname'")]
    [InlineData("{{ applicant.birthday }}", "Unknown field 'applicant.birthday'")]
    [InlineData("{{ betreff }}", "Unknown field 'betreff'")]
    [InlineData("{% if data.name %}offen", "Syntax error")]
    [InlineData("{{ data.name | shout }}", "Unknown filter 'shout'")]
    [InlineData("{% include 'kopf' %}", "The tag 'include' is not available")]
    public async Task SaveFormVersion_WithABadTemplate_IsRefusedNamingTheTemplate(string template, string problem)
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await factory.CreateClientAsAsync("admin");
        var key = FormCatalogTests.UniqueKey("bescheid");
        var good = FormCatalogTests.MinimalForm(key);
        good["decisionTemplates"] = new JsonObject { ["approval"] = "# Bescheid\n\n{{ data.name }}, {% for z in authority.address_lines %}{{ z }} {% endfor %}{{ legal_remedy }}" };
        var created = await admin.PostAsJsonAsync("/api/v1/forms", good, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var formId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("formId").GetGuid();

        var bad = FormCatalogTests.MinimalForm(key);
        bad["decisionTemplates"] = new JsonObject { ["approval"] = "{{ data.name }}", ["rejection"] = template };
        var newVersion = await admin.PostAsJsonAsync($"/api/v1/forms/{formId}/versions", bad, ct);
        var draftEdit = await admin.PutAsJsonAsync($"/api/v1/forms/{formId}/versions/1", bad, ct);
        var other = FormCatalogTests.MinimalForm(FormCatalogTests.UniqueKey("bescheid"));
        other["decisionTemplates"] = bad["decisionTemplates"]!.DeepClone();
        var newForm = await admin.PostAsJsonAsync("/api/v1/forms", other, ct);

        foreach (var response in new[] { newVersion, draftEdit, newForm })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await ProblemAsync(response)).GetProperty("errors");
            var messages = errors.GetProperty("decisionTemplates.rejection").EnumerateArray().Select(m => m.GetString()!).ToList();
            Assert.Contains(messages, m => m.Contains(problem, StringComparison.Ordinal));
            Assert.False(errors.TryGetProperty("decisionTemplates.approval", out _));
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/forms/{formId}/versions/1/publish", null, ct)).StatusCode);
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsTagged(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        return catalog.ContainsKey(NameToken.StructTreeRoot)
            && catalog.TryGet(NameToken.MarkInfo, document.Structure.TokenScanner, out DictionaryToken? markInfo)
            && markInfo.TryGet(NameToken.Marked, out var marked) && marked is BooleanToken { Data: true };
    }

    /// <summary>Every font the pages use, and whether its program is embedded (FontFile, FontFile2 or FontFile3 in its descriptor).</summary>
    private static List<(string Name, bool Embedded)> Fonts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var scanner = document.Structure.TokenScanner;
        var fonts = new List<(string, bool)>();
        foreach (var page in document.GetPages())
        {
            if (!page.Dictionary.TryGet(NameToken.Resources, scanner, out DictionaryToken? resources)
                || !resources.TryGet(NameToken.Font, scanner, out DictionaryToken? fontTable))
            {
                continue;
            }

            foreach (var reference in fontTable.Data.Values)
            {
                var font = DirectObjectFinder.Get<DictionaryToken>(reference, scanner)!;
                var described = font.TryGet(NameToken.DescendantFonts, scanner, out ArrayToken? descendants)
                    ? DirectObjectFinder.Get<DictionaryToken>(descendants.Data[0], scanner)!
                    : font;
                var name = described.TryGet(NameToken.BaseFont, scanner, out NameToken? baseFont) ? baseFont.Data : "?";
                var embedded = described.TryGet(NameToken.FontDescriptor, scanner, out DictionaryToken? descriptor)
                    && (descriptor.ContainsKey(NameToken.FontFile) || descriptor.ContainsKey(NameToken.FontFile2) || descriptor.ContainsKey(NameToken.FontFile3));
                fonts.Add((name, embedded));
            }
        }

        return fonts;
    }
}
