using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.Testing;

namespace Egov.IntegrationTests.Forms;

/// <summary>Attachments are checked by their bytes, size and count; required slots are enforced at submission.</summary>
public sealed class AttachmentsTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00];

    [Fact]
    public async Task Upload_JpegNamedPng_IsRefusedNamingTheFile()
    {
        using var erika = await ClientAsAsync("erika");
        erika.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var draft = await DraftAsync(erika, "hundesteuer-anmeldung");

        var response = await ApplicationsTests.UploadAsync(erika, draft, "insurance-certificate", ("police.png", Jpeg));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Contains("'police.png' is by its content JPEG but its name says PNG", errors.GetProperty("files/police.png")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await AttachmentCountAsync(erika, draft));
    }

    [Fact]
    public async Task Upload_PngWithoutExtension_IsStoredWithTheDetectedType()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await DraftAsync(erika, "hundesteuer-anmeldung");

        var response = await ApplicationsTests.UploadAsync(erika, draft, "insurance-certificate", ("scan", Png));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))[0];
        Assert.Equal("image/png", stored.GetProperty("mediaType").GetString());
        Assert.Equal(Png.Length, stored.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task Upload_ZipNamedJpg_IsRefusedNamingTheFile()
    {
        using var erika = await ClientAsAsync("erika");
        erika.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var draft = await DraftAsync(erika, "hundesteuer-anmeldung");

        var response = await ApplicationsTests.UploadAsync(erika, draft, "insurance-certificate", ("foto.jpg", Zip));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        var message = errors.GetProperty("files/foto.jpg")[0].GetString();
        Assert.Contains("'foto.jpg' is by its content ZIP", message, StringComparison.Ordinal);
        Assert.Contains("foto.jpg", message, StringComparison.Ordinal);
        Assert.Equal(0, await AttachmentCountAsync(erika, draft));
    }

    [Fact]
    public async Task Upload_OneBadFileAmongGoodOnes_StoresNone()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await DraftAsync(erika, "bewohnerparkausweis");

        var response = await ApplicationsTests.UploadAsync(erika, draft, "vehicle-registration-certificate",
            ("teil1-vorne.pdf", ApplicationsTests.MinimalPdf), ("teil1-hinten.gif", "GIF89a"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await AttachmentCountAsync(erika, draft));
    }

    [Fact]
    public async Task Upload_MoreFilesThanTheSlotTakes_IsRefused()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await DraftAsync(erika, "hundesteuer-anmeldung");
        Assert.Equal(HttpStatusCode.OK, (await ApplicationsTests.UploadAsync(erika, draft, "insurance-certificate", ("a.pdf", ApplicationsTests.MinimalPdf))).StatusCode);

        var second = await ApplicationsTests.UploadAsync(erika, draft, "insurance-certificate", ("b.pdf", ApplicationsTests.MinimalPdf));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(1, await AttachmentCountAsync(erika, draft));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\Erika\\Versicherung?neu*.pdf", "Versicherungneu.pdf")]
    [InlineData("  .hidden.pdf  ", "hidden.pdf")]
    [InlineData("Fahrzeugschein\u202Egnp.exe", "Fahrzeugscheingnp.exe")]
    [InlineData("\u2066Police\u2069\u200F\u061C.pdf", "Police.pdf")]
    [InlineData("Po\u200Bli\u200Dce\u00AD\uFEFF.pdf", "Police.pdf")]
    [InlineData("Police\u0001\u001B[2J\u0085\u009B.pdf", "Police[2J.pdf")]
    [InlineData("Police Mu\u0308ller.pdf", "Police M\u00FCller.pdf")]
    [InlineData("\u202E\u200B\u0007", "file")]
    public async Task Upload_FileName_IsSanitised(string name, string stored)
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await DraftAsync(erika, "hundesteuer-anmeldung");

        var response = await ApplicationsTests.UploadAsync(erika, draft, "insurance-certificate", (name, ApplicationsTests.MinimalPdf));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(stored, (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))[0].GetProperty("fileName").GetString());
        var view = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{draft}", TestContext.Current.CancellationToken);
        Assert.Equal(stored, view.GetProperty("attachments")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_FileNameWithRightToLeftOverride_TheCaseworkerSeesTheRealExtension()
    {
        using var erika = await ClientAsAsync("erika");
        using var caseworker = await ClientAsAsync("caseworker");
        var (id, _) = await Filing.FileAsync(erika, fileName: slot => $"{slot}\u202Efdp.exe");

        var (body, _) = await Filing.GetCaseAsync(caseworker, id);

        var attachment = body.GetProperty("attachments")[0];
        var fileName = attachment.GetProperty("fileName").GetString()!;
        Assert.EndsWith("fdp.exe", fileName, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', fileName);
        using var download = await caseworker.GetAsync($"/api/v1/cases/{id}/attachments/{attachment.GetProperty("id").GetGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Submit_WithEmptyRequiredSlot_Returns400NamingTheSlot()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await DraftAsync(erika, "hundesteuer-anmeldung", withData: true);

        var response = await erika.PostAsync($"/api/v1/applications/{draft}/submit", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("attachments/insurance-certificate", out _));
        Assert.False(errors.TryGetProperty("attachments/competence-proof", out _), "the condition of this slot does not hold for the data");
    }

    [Fact]
    public async Task Upload_AsAnotherCitizen_Is404()
    {
        using var erika = await ClientAsAsync("erika");
        using var max = await ClientAsAsync("max");
        var draft = await DraftAsync(erika, "hundesteuer-anmeldung");

        var response = await ApplicationsTests.UploadAsync(max, draft, "insurance-certificate", ("a.pdf", ApplicationsTests.MinimalPdf));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_AsJson_Is415()
    {
        using var erika = await ClientAsAsync("erika");
        var draft = await DraftAsync(erika, "hundesteuer-anmeldung");

        var response = await erika.PostAsJsonAsync($"/api/v1/applications/{draft}/attachments", new { slot = "insurance-certificate" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static async Task<int> AttachmentCountAsync(HttpClient client, Guid draft) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{draft}", TestContext.Current.CancellationToken))
        .GetProperty("attachments").GetArrayLength();

    private static async Task<Guid> DraftAsync(HttpClient client, string form, bool withData = false)
    {
        var created = await client.PostAsJsonAsync("/api/v1/applications", new { form }, TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        if (withData)
        {
            var definition = await client.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{form}", TestContext.Current.CancellationToken);
            var data = JsonNode.Parse(definition.GetProperty("definition").GetProperty("schema").GetProperty("examples")[0].GetRawText());
            (await client.PutAsJsonAsync($"/api/v1/applications/{id}", new { data }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        return id;
    }

    private Task<HttpClient> ClientAsAsync(string user) => factory.CreateClientAsAsync(user);
}
