using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;

namespace Egov.IntegrationTests.Handoff;

/// <summary>
/// The xdomea export (ADR 0023): every export validates against the official xdomea 3.1.0 XSDs
/// (tests/testdata/xdomea, XmlSchemaSet), for every seeded form, with umlauts and an attachment whose
/// file name is hostile; the zip holds exactly the files the message names, none outside its root.
/// </summary>
public sealed class XdomeaExportTests(HandoffFactory factory) : IClassFixture<HandoffFactory>
{
    private const string HostileName = "..\\..\\etc\\Ärger <Bescheid> & ß;$(rm -rf).pdf";
    private static readonly XNamespace Xd = "urn:xoev-de:xdomea:schema:3.1.0";
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("hundesteuer-anmeldung", "022.31")]
    [InlineData("bewohnerparkausweis", "32.10.05")]
    [InlineData("gewerbeanmeldung-gewa1", null)]
    public async Task Export_ValidatesAgainstTheXdomeaSchemas_WithUmlautsAndAHostileFileName(string form, string? filePlan)
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await Filing.FileAsync(erika, form, fileName: _ => HostileName);
        using var admin = await factory.CreateClientAsAsync("admin");

        var response = await admin.GetAsync($"/api/v1/handoff/cases/{id}/xdomea", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var messageEntry = Assert.Single(zip.Entries, e => e.FullName.EndsWith("_Abgabe.Abgabe.0401.xml", StringComparison.Ordinal));
        XDocument message;
        using (var stream = messageEntry.Open())
        {
            message = XDocument.Load(stream);
        }

        var errors = new List<string>();
        message.Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        var vorgang = message.Descendants(Xd + "Vorgang").Single();
        Assert.Equal(reference, vorgang.Element(Xd + "AllgemeineMetadaten")!.Element(Xd + "Kennzeichen")!.Value);
        Assert.Contains("–", vorgang.Element(Xd + "AllgemeineMetadaten")!.Element(Xd + "Betreff")!.Value, StringComparison.Ordinal);
        Assert.Equal(filePlan, message.Descendants(Xd + "Aktenplaneinheit").SingleOrDefault()?.Element(Xd + "Kennzeichen")?.Value);

        // The application as JSON and PDF, then the attachments; every named file is in the zip, and nothing else.
        var primary = message.Descendants(Xd + "Primaerdokument").ToList();
        var names = primary.Select(p => p.Element(Xd + "Dateiname")!.Value).ToList();
        Assert.Equal(names.Order(), zip.Entries.Where(e => e != messageEntry).Select(e => e.FullName).Order());
        Assert.All(zip.Entries, e => Assert.DoesNotContain("/", e.FullName, StringComparison.Ordinal));
        Assert.All(zip.Entries, e => Assert.False(e.FullName.StartsWith('.'), e.FullName));
        var types = message.Descendants(Xd + "Dokument").Select(d => d.Element(Xd + "Typ")!.Value).ToList();
        Assert.Equal("Antrag", types[0]);
        Assert.Equal("Antrag mit Eingangsbestätigung", types[1]);
        var originals = primary.Select(p => p.Element(Xd + "DateinameOriginal")!.Value).ToList();
        Assert.Contains("Ärger Bescheid & ß;$(rm -rf).pdf", originals); // as Forms kept it; the zip entry is made safe
    }

    [Fact]
    public async Task Export_OfAnotherDepartmentsCase_IsNotFound_AndCitizensAreRefused()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await Filing.FileAsync(erika, "hundesteuer-anmeldung");
        using var karl = await factory.CreateClientAsAsync("caseworker2");
        Assert.Equal(HttpStatusCode.NotFound, (await karl.GetAsync($"/api/v1/handoff/cases/{id}/xdomea", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await erika.GetAsync($"/api/v1/handoff/cases/{id}/xdomea", Ct)).StatusCode);
    }

    [Fact]
    public async Task Export_IsRecordedInTheCaseAccessLog_AndListedAmongTheCasesHandoffs()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await Filing.FileAsync(erika, "bewohnerparkausweis");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");

        Assert.Equal(HttpStatusCode.OK, (await caseworker.GetAsync($"/api/v1/handoff/cases/{id}/xdomea", Ct)).StatusCode);

        using var admin = await factory.CreateClientAsAsync("admin");
        var log = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cases/access-log?caseId={id}&limit=100", Ct)).GetProperty("items").EnumerateArray().ToList();
        var export = Assert.Single(log, e => e.GetProperty("resource").GetString() == "xdomea-export");
        var handoffs = (await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/handoff/cases/{id}", Ct)).EnumerateArray().ToList();
        var exported = Assert.Single(handoffs, h => h.GetProperty("kind").GetString() == "Xdomea");
        Assert.Equal("xdomea:e-akte", exported.GetProperty("target").GetString());
        Assert.Equal("Sent", exported.GetProperty("status").GetString());
        Assert.False(exported.GetProperty("canResend").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await caseworker.PostAsync($"/api/v1/handoff/deliveries/{exported.GetProperty("id").GetGuid()}/resend", null, Ct)).StatusCode);
        Assert.Equal("dev-staff-caseworker", export.GetProperty("actorSubject").GetString());
        Assert.Equal("Clara Sachbearbeiterin", export.GetProperty("actorName").GetString());
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "testdata", "xdomea", "3.1.0");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(Path.Combine(folder, "xdomea.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() });
        set.Add("urn:xoev-de:xdomea:schema:3.1.0", reader);
        set.Compile();
        return set;
    }
}
