using System.Text;
using System.Xml.Linq;
using Egov.Modules.Announcements.Engines.Cap;

namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>The embedded OASIS CAP 1.2 schema: complete, and applied as the XSD says.</summary>
public sealed class CapSchemaTests
{
    [Theory]
    [MemberData(nameof(CapXmlWriterTests.AcceptedXmlFiles), MemberType = typeof(CapXmlWriterTests))]
    public void Validate_WhenAcceptedCap12File_FindsNoError(string fileName)
    {
        using var stream = CapTestData.Open(fileName);

        Assert.Empty(CapSchema.Validate(stream));
    }

    [Fact]
    public void Validate_WhenScopeMissing_ReportsTheSequenceError()
    {
        using var stream = CapTestData.Open("invalid_missing_scope.cap.xml");

        var error = Assert.Single(CapSchema.Validate(stream));

        Assert.Contains("scope", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenXDocumentWithBadEnumeration_ReportsIt()
    {
        var document = XDocument.Parse(CapDocuments.Minimal.Replace("<urgency>Immediate</urgency>", "<urgency>Now</urgency>", StringComparison.Ordinal));

        Assert.Contains("urgency", Assert.Single(CapSchema.Validate(document)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenXDocumentOutOfXsdOrder_ReportsIt()
    {
        var document = XDocument.Parse(CapDocuments.Minimal.Replace(
            "<sender>krisenstab@example-stadt.de</sender>\n  <sent>2026-11-29T18:00:00+01:00</sent>",
            "<sent>2026-11-29T18:00:00+01:00</sent>\n  <sender>krisenstab@example-stadt.de</sender>",
            StringComparison.Ordinal));

        Assert.Contains("sent", Assert.Single(CapSchema.Validate(document)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-29T17:00:00Z")]
    [InlineData("2026-11-29T18:00:00.5+01:00")]
    public void Validate_WhenSentNotInCapForm_ReportsThePattern(string sent)
    {
        var document = XDocument.Parse(CapDocuments.Minimal.Replace("2026-11-29T18:00:00+01:00</sent>", $"{sent}</sent>", StringComparison.Ordinal));

        Assert.Single(CapSchema.Validate(document));
    }

    [Fact]
    public void Validate_WhenRootIsNotCap12Alert_ReportsTheRoot()
    {
        var cap11 = CapDocuments.Minimal.Replace("cap:1.2", "cap:1.1", StringComparison.Ordinal);

        Assert.Contains("root element", Assert.Single(CapSchema.Validate(XDocument.Parse(cap11))), StringComparison.Ordinal);
        Assert.Contains("root element", Assert.Single(CapSchema.Validate(new MemoryStream(Encoding.UTF8.GetBytes(cap11)))), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenDoctype_ReportsNotWellFormed()
    {
        using var stream = CapTestData.Open("xxe_attack_nws_thunderstorm.cap.xml");

        Assert.StartsWith("not well-formed", Assert.Single(CapSchema.Validate(stream)), StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddedSchema_WhenRead_IsTheCompleteOasisCap12Schema()
    {
        using var stream = typeof(CapSchema).Assembly.GetManifestResourceStream(CapSchema.ResourceName);
        Assert.NotNull(stream);
        var schema = XDocument.Load(stream);
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";

        Assert.Equal("urn:oasis:names:tc:emergency:cap:1.2", (string?)schema.Root!.Attribute("targetNamespace"));
        Assert.Contains("Copyright OASIS Open 2010", schema.Nodes().OfType<XComment>().First().Value, StringComparison.Ordinal);
        string[] Sequence(string element) =>
            [.. schema.Descendants(xs + "element").First(e => (string?)e.Attribute("name") == element)
                .Element(xs + "complexType")!.Element(xs + "sequence")!.Elements(xs + "element").Select(e => (string)e.Attribute("name")! ?? (string)e.Attribute("ref")!)];
        string[] Enumeration(string element) =>
            [.. schema.Descendants(xs + "element").First(e => (string?)e.Attribute("name") == element)
                .Descendants(xs + "enumeration").Select(e => (string)e.Attribute("value")!)];

        Assert.Equal(["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "code", "note", "references", "incidents", "info"], Sequence("alert"));
        Assert.Equal(
            ["language", "category", "event", "responseType", "urgency", "severity", "certainty", "audience", "eventCode", "effective", "onset", "expires",
             "senderName", "headline", "description", "instruction", "web", "contact", "parameter", "resource", "area"],
            Sequence("info"));
        Assert.Equal(["resourceDesc", "mimeType", "size", "uri", "derefUri", "digest"], Sequence("resource"));
        Assert.Equal(["areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling"], Sequence("area"));
        Assert.Equal(Enum.GetNames<CapStatus>(), Enumeration("status"));
        Assert.Equal(Enum.GetNames<CapMessageType>(), Enumeration("msgType"));
        Assert.Equal(Enum.GetNames<CapScope>(), Enumeration("scope"));
        Assert.Equal(Enum.GetNames<CapCategory>(), Enumeration("category"));
        Assert.Equal(Enum.GetNames<CapResponseType>(), Enumeration("responseType"));
        Assert.Equal(Enum.GetNames<CapUrgency>(), Enumeration("urgency"));
        Assert.Equal(Enum.GetNames<CapSeverity>(), Enumeration("severity"));
        Assert.Equal(Enum.GetNames<CapCertainty>(), Enumeration("certainty"));
        Assert.Equal(
            "http://www.w3.org/2000/09/xmldsig#",
            (string?)schema.Descendants(xs + "any").Single().Attribute("namespace"));
    }
}
