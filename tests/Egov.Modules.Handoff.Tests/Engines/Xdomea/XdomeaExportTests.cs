using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Egov.Modules.Handoff.Engines.Xdomea;

namespace Egov.Modules.Handoff.Tests.Engines.Xdomea;

/// <summary>
/// The xdomea engine on a small case, without HTTP: the message <c>Abgabe.Abgabe.0401</c> validates against the
/// official xdomea 3.1.0 XSDs (tests/testdata/xdomea), holds Akte → Vorgang → Dokument with the case's marks, and
/// the zip holds exactly the message and the primary files it names, under safe names.
/// </summary>
public sealed class XdomeaExportTests
{
    private const string HostileName = "..\\..\\etc\\Ärger <Bescheid> & ß;$(rm -rf).pdf";
    private static readonly XNamespace Xd = XdomeaExport.Namespace;
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    private static readonly Guid ProcessId = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid FileId = Guid.Parse("0193a1b2-0000-7000-8000-000000000002");
    private static readonly Guid ProceedingId = Guid.Parse("0193a1b2-0000-7000-8000-000000000003");
    private static readonly Guid JsonId = Guid.Parse("0193a1b2-0000-7000-8000-000000000010");
    private static readonly Guid PdfId = Guid.Parse("0193a1b2-0000-7000-8000-000000000011");
    private static readonly Guid AttachmentId = Guid.Parse("0193a1b2-0000-7000-8000-000000000012");

    /// <summary>29.11.2026, 18:05 in Berlin; the export a day later.</summary>
    private static readonly DateTimeOffset SubmittedAt = new(2026, 11, 29, 17, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Write_SmallCase_ValidatesAgainstTheXdomeaSchemas()
    {
        var (message, _) = Export(Case("022.31"));

        var errors = new List<string>();
        message.Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Write_SmallCase_HeadNamesTheProcessTheMessageTypeAndBothAuthorities()
    {
        var (message, _) = Export(Case("022.31"));

        var head = message.Root!.Element(Xd + "Kopf")!;
        Assert.Equal("Abgabe.Abgabe.0401", message.Root.Name.LocalName);
        Assert.Equal(ProcessId.ToString("D"), head.Element(Xd + "ProzessID")!.Value);
        Assert.Equal("0401", head.Element(Xd + "Nachrichtentyp")!.Element("code")!.Value);
        Assert.Equal("2026-11-30T09:00:00Z", head.Element(Xd + "Erstellungszeitpunkt")!.Value);
        Assert.Equal("Stadt Lüdenscheid", head.Element(Xd + "Absender")!.Element(Xd + "Institution")!.Element(Xd + "Name")!.Value);
        Assert.Equal("Fachdienst Steuern", head.Element(Xd + "Absender")!.Element(Xd + "Organisationseinheit")!.Element(Xd + "Name")!.Value);
        Assert.Equal("E-Akte der Stadt Lüdenscheid", head.Element(Xd + "Empfaenger")!.Element(Xd + "Institution")!.Element(Xd + "Name")!.Value);
        Assert.Null(head.Element(Xd + "Empfaenger")!.Element(Xd + "Organisationseinheit"));
    }

    [Fact]
    public void Write_WithFilePlan_AkteCarriesThePlanAndTheReference_VorgangTheReference()
    {
        var (message, _) = Export(Case("022.31"));

        var akte = message.Descendants(Xd + "Akte").Single();
        Assert.Equal(FileId.ToString("D"), akte.Element(Xd + "Identifikation")!.Element(Xd + "ID")!.Value);
        var akteMetadata = akte.Element(Xd + "AllgemeineMetadaten")!;
        Assert.Equal("Hundesteuer-Anmeldung – Erika Mustermann", akteMetadata.Element(Xd + "Betreff")!.Value);
        Assert.Equal("022.31-EGOV-2026-000042", akteMetadata.Element(Xd + "Kennzeichen")!.Value);
        Assert.Equal("022.31", akteMetadata.Element(Xd + "Aktenplaneinheit")!.Element(Xd + "Kennzeichen")!.Value);

        var vorgang = akte.Element(Xd + "Akteninhalt")!.Element(Xd + "Vorgang")!;
        Assert.Equal(ProceedingId.ToString("D"), vorgang.Element(Xd + "Identifikation")!.Element(Xd + "ID")!.Value);
        Assert.Equal("EGOV-2026-000042", vorgang.Element(Xd + "AllgemeineMetadaten")!.Element(Xd + "Kennzeichen")!.Value);
        Assert.Null(vorgang.Element(Xd + "AllgemeineMetadaten")!.Element(Xd + "Aktenplaneinheit"));
    }

    [Fact]
    public void Write_WithoutFilePlan_AkteCarriesTheReferenceAlone()
    {
        var (message, _) = Export(Case(filePlan: null));

        var akteMetadata = message.Descendants(Xd + "Akte").Single().Element(Xd + "AllgemeineMetadaten")!;
        Assert.Equal("EGOV-2026-000042", akteMetadata.Element(Xd + "Kennzeichen")!.Value);
        Assert.Empty(message.Descendants(Xd + "Aktenplaneinheit"));
    }

    [Fact]
    public void Write_Documents_InOrderWithTypeDateFormatAndPrimaryFile()
    {
        var (message, _) = Export(Case("022.31"));

        var documents = message.Descendants(Xd + "Dokument").ToList();
        Assert.Equal([JsonId, PdfId, AttachmentId], documents.Select(d => Guid.Parse(d.Element(Xd + "Identifikation")!.Element(Xd + "ID")!.Value)));
        Assert.Equal(["Antrag", "Antrag mit Eingangsbestätigung", "Anlage"], documents.Select(d => d.Element(Xd + "Typ")!.Value));
        Assert.All(documents, d => Assert.Equal("2026-11-29", d.Element(Xd + "Posteingangsdatum")!.Value));

        // Code list "Dateiformat" 1.0: PDF is 018; JSON has no code and goes as 100 (Sonstiges) with its name.
        var formats = documents.Select(d => d.Element(Xd + "Version")!.Element(Xd + "Format")!).ToList();
        Assert.Equal(["100", "018", "018"], formats.Select(f => f.Element(Xd + "Name")!.Element("code")!.Value));
        Assert.All(formats, f => Assert.Equal("urn:xoev-de:xdomea:codeliste:dateiformat", f.Element(Xd + "Name")!.Attribute("listURI")!.Value));
        Assert.Equal("json", formats[0].Element(Xd + "SonstigerName")!.Value);
        Assert.Null(formats[1].Element(Xd + "SonstigerName"));

        var primary = formats.Select(f => f.Element(Xd + "Primaerdokument")!).ToList();
        Assert.Equal(
            [$"{JsonId:D}_antrag.json", $"{PdfId:D}_EGOV-2026-000042.pdf", $"{AttachmentId:D}__rger__Bescheid________rm_-rf_.pdf"],
            primary.Select(p => p.Element(Xd + "Dateiname")!.Value));
        Assert.Equal(["antrag.json", "EGOV-2026-000042.pdf", HostileName], primary.Select(p => p.Element(Xd + "DateinameOriginal")!.Value));
        Assert.Equal("2026-11-29T17:07:30Z", primary[2].Element(Xd + "DatumUhrzeit")!.Value);
    }

    [Fact]
    public void Write_Zip_HoldsTheMessageAndExactlyTheNamedFilesWithTheirBytes()
    {
        var input = Case("022.31");

        var (message, zip) = Export(input);

        var names = message.Descendants(Xd + "Dateiname").Select(e => e.Value).ToList();
        Assert.Equal([$"{ProcessId:D}_Abgabe.Abgabe.0401.xml", .. names], zip.Select(e => e.Name));
        Assert.All(zip, e => Assert.Matches("^[A-Za-z0-9_-][A-Za-z0-9._-]*$", e.Name));
        Assert.Equal(input.Documents.Select(d => d.Content), zip.Skip(1).Select(e => e.Bytes));
    }

    [Fact]
    public void Write_NamesWithCharactersXmlCannotHold_AreReplacedAndTheMessageStaysWellFormed()
    {
        var input = Case("022.31") with
        {
            Subject = "Antrag\u0001 mit Steuerzeichen\uD800",
            Documents = [Document(AttachmentId, "Anlage", "Bescheid\u0000\u001B.pdf", "application/pdf", "%PDF-1.7")],
        };

        var (message, _) = Export(input);

        Assert.Equal("Antrag\uFFFD mit Steuerzeichen\uFFFD", message.Descendants(Xd + "Vorgang").Single().Element(Xd + "AllgemeineMetadaten")!.Element(Xd + "Betreff")!.Value);
        Assert.Equal("Bescheid\uFFFD\uFFFD.pdf", message.Descendants(Xd + "DateinameOriginal").Single().Value);
    }

    [Theory]
    [InlineData(HostileName, "_rger__Bescheid________rm_-rf_.pdf")]
    [InlineData("../../.bashrc", "bashrc")]
    [InlineData("Zulassungsbescheinigung Teil I.jpg", "Zulassungsbescheinigung_Teil_I.jpg")]
    [InlineData("...", "file")]
    [InlineData("", "file")]
    public void SafeName_AnyName_KeepsSafeCharactersOnlyAndNeverLeavesTheFolder(string fileName, string expected) =>
        Assert.Equal(expected, XdomeaExport.SafeName(fileName));

    [Fact]
    public void SafeName_LongName_IsCutTo100CharactersKeepingTheExtension()
    {
        var name = XdomeaExport.SafeName(new string('a', 300) + ".pdf");

        Assert.Equal(100, name.Length);
        Assert.EndsWith("aaaa.pdf", name, StringComparison.Ordinal);
    }

    private static XdomeaMessage Case(string? filePlan) => new(
        ProcessId,
        new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
        "Stadt Lüdenscheid",
        "Fachdienst Steuern",
        "E-Akte der Stadt Lüdenscheid",
        FileId,
        ProceedingId,
        "EGOV-2026-000042",
        filePlan,
        "Hundesteuer-Anmeldung – Erika Mustermann",
        [
            Document(JsonId, "Antrag", "antrag.json", "application/json", """{"name":"Bello"}"""),
            Document(PdfId, "Antrag mit Eingangsbestätigung", "EGOV-2026-000042.pdf", "application/pdf", "%PDF-1.7 receipt"),
            Document(AttachmentId, "Anlage", HostileName, "application/pdf", "%PDF-1.7 attachment") with { CreatedAt = SubmittedAt.AddMinutes(2.5) },
        ]);

    private static XdomeaDocument Document(Guid id, string kind, string fileName, string mediaType, string content) =>
        new(id, kind, $"{kind}: {fileName}", fileName, mediaType, SubmittedAt, new DateOnly(2026, 11, 29), Encoding.UTF8.GetBytes(content));

    /// <summary>Writes <paramref name="input"/> and reads it back: the message and every zip entry's bytes, in zip order.</summary>
    private static (XDocument Message, List<(string Name, byte[] Bytes)> Entries) Export(XdomeaMessage input)
    {
        using var output = new MemoryStream();
        XdomeaExport.Write(input, output);
        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        var entries = new List<(string Name, byte[] Bytes)>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            entries.Add((entry.FullName, bytes.ToArray()));
        }

        using var xml = new MemoryStream(entries.Single(e => e.Name == $"{input.ProcessId:D}_Abgabe.Abgabe.0401.xml").Bytes);
        return (XDocument.Load(xml), entries);
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "testdata", "xdomea", "3.1.0");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(Path.Combine(folder, "xdomea.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() });
        set.Add(XdomeaExport.Namespace, reader);
        set.Compile();
        return set;
    }
}
