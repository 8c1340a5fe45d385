using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Mobile.Push;
using Egov.Testing;

namespace Egov.IntegrationTests.DataProtection;

/// <summary>The subject access export (GDPR Art. 15): a zip of everything about the person — and nothing of anyone else.</summary>
public sealed class SubjectAccessExportTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task MeDataExport_HoldsEachItemOfThePerson_AndNothingOfAnotherCitizen()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        using var max = await factory.CreateClientAsAsync("max");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");
        var (erikasCase, erikasReference) = await Filing.FileAsync(erika);
        (await erika.PostAsync($"/api/v1/applications/{erikasCase}/messages", System.Net.Http.Json.JsonContent.Create(new { body = "Frage von Erika" }), ct)).EnsureSuccessStatusCode();
        await Filing.GetCaseAsync(caseworker, erikasCase);
        var (maxsCase, maxsReference) = await Filing.FileAsync(max);
        (await max.PostAsync($"/api/v1/applications/{maxsCase}/messages", System.Net.Http.Json.JsonContent.Create(new { body = "Frage von Max" }), ct)).EnsureSuccessStatusCode();
        await DecideAsync(caseworker, erikasCase);
        await DecideAsync(caseworker, maxsCase);
        using var erikasBrowser = new BrowserSubscription(new Uri("http://127.0.0.1:9/push/erika-phone"));
        using var maxsBrowser = new BrowserSubscription(new Uri("http://127.0.0.1:9/push/max-phone"));
        await Devices.RegisterAsync(erika, erikasBrowser.Registration("alerts:severe"));
        await Devices.RegisterAsync(max, maxsBrowser.Registration("alerts:severe"));

        using var response = await erika.GetAsync("/api/v1/me/data-export", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(ct));
        var manifest = await ManifestAsync(zip);
        var text = manifest.GetRawText();
        var application = manifest.GetProperty("modules").GetProperty("forms").GetProperty("applications").EnumerateArray()
            .Single(a => a.GetProperty("referenceNumber").GetString() == erikasReference);
        Assert.Equal("Erika Mustermann", application.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Contains(application.GetProperty("messages").EnumerateArray(), m => m.GetProperty("body").GetString() == "Frage von Erika");
        Assert.Contains(application.GetProperty("viewedByStaff").EnumerateArray(), r => r.GetProperty("actorName").GetString() == "Clara Sachbearbeiterin");
        Assert.NotEqual(JsonValueKind.Null, application.GetProperty("data").ValueKind);
        var receipt = zip.GetEntry($"forms/{erikasReference}/receipt.pdf");
        Assert.NotNull(receipt);
        Assert.True(receipt.Length > 1000);
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith($"forms/{erikasReference}/files/", StringComparison.Ordinal) && e.FullName.EndsWith(".pdf", StringComparison.Ordinal));
        var notice = Assert.Single(application.GetProperty("decisionNotices").EnumerateArray());
        Assert.Equal("Approval", notice.GetProperty("kind").GetString());
        var noticePdf = zip.GetEntry(notice.GetProperty("path").GetString()!);
        Assert.NotNull(noticePdf);
        Assert.StartsWith($"forms/{erikasReference}/decisions/", noticePdf.FullName, StringComparison.Ordinal);
        await using (var pdf = await noticePdf.OpenAsync(ct))
        {
            using var bytes = new MemoryStream();
            await pdf.CopyToAsync(bytes, ct);
            Assert.Equal(notice.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray())));
        }

        // Every file in the zip is listed in the manifest, and every listed file is in the zip.
        Assert.Equal(
            zip.Entries.Select(e => e.FullName).Where(n => n != "manifest.json").Order(StringComparer.Ordinal),
            manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains("push/erika-phone", text, StringComparison.Ordinal);

        // Nothing of Max: not his case, his message, his name or his device.
        Assert.DoesNotContain(maxsReference, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Frage von Max", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Max Mustermann", text, StringComparison.Ordinal);
        Assert.DoesNotContain("max-phone", text, StringComparison.Ordinal);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains(maxsReference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffSubjectExport_GivesTheSameItems_AndIsRecordedInTheCaseAccessLog()
    {
        var ct = TestContext.Current.CancellationToken;
        using var erika = await factory.CreateClientAsAsync("erika");
        using var admin = await factory.CreateClientAsAsync("admin");
        var (id, reference) = await Filing.FileAsync(erika);

        using var response = await admin.GetAsync("/api/v1/data-protection/subject-export?subject=dev-citizen-erika", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(ct));
        Assert.NotNull(zip.GetEntry($"forms/{reference}/receipt.pdf"));
        var log = await admin.GetStringAsync($"/api/v1/cases/access-log?caseId={id}", ct);
        Assert.Contains("subject-export", log, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/data-protection/subject-export?subject=%20", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await erika.GetAsync("/api/v1/data-protection/subject-export?subject=dev-citizen-max", ct)).StatusCode);
    }

    /// <summary>Approves the case, which issues its decision notice (a PDF).</summary>
    private static async Task DecideAsync(HttpClient caseworker, Guid id)
    {
        await Filing.TransitionAsync(caseworker, id, "InReview");
        var (_, etag) = await Filing.GetCaseAsync(caseworker, id);
        using var decided = await Filing.PostAsync(caseworker, $"/api/v1/cases/{id}/decision", new { kind = "approval" }, etag);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
    }

    private static async Task<JsonElement> ManifestAsync(ZipArchive zip)
    {
        await using var stream = await zip.GetEntry("manifest.json")!.OpenAsync(TestContext.Current.CancellationToken);
        return (await JsonDocument.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken)).RootElement.Clone();
    }
}
