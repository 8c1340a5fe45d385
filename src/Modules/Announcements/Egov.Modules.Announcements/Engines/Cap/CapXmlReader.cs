using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// Reads a CAP 1.2 XML document (OASIS CAP 1.2 §3.4) into <see cref="CapAlert"/>, or refuses it
/// with reasons naming the element at fault.
/// </summary>
/// <remarks>
/// <para>Security: documents come from outside (official feeds, uploads). The reader never makes a
/// network or file request: DTDs are prohibited (a DOCTYPE refuses the document, so no entity is
/// ever declared or expanded), there is no <see cref="XmlResolver"/>, XInclude is not processed
/// and a document containing XInclude elements is refused, processing instructions such as
/// <c>xml-stylesheet</c> are ignored, and a document over <see cref="CapInput.MaxDocumentBytes"/>
/// is refused before parsing.</para>
/// <para>Encoding comes from the byte-order mark or the XML declaration; UTF-8, UTF-16 and
/// ISO-8859-1 are built into .NET. Legacy code pages such as windows-1252 would need
/// <c>CodePagesEncodingProvider</c>, which is not registered, so such documents are refused with
/// the runtime's reason.</para>
/// <para>CAP 1.1 (<c>urn:oasis:names:tc:emergency:cap:1.1</c>) is read into the same model where it
/// is compatible with 1.2, with a notice: its elements are a subset of 1.2's; what 1.2 demands
/// beyond it (mimeType of a resource, the date-time form of §3.3.2) is refused by the same rules.
/// CAP 1.0 and other roots are refused.</para>
/// <para>An XML signature (<c>ds:Signature</c> at the end of <c>alert</c>, §3.3.4.1) is allowed
/// and ignored, with a notice that it was not verified: a re-published alert must not be presented
/// as signature-checked.</para>
/// </remarks>
internal static class CapXmlReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = CapInput.MaxDocumentBytes,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
        CloseInput = true,
    };

    /// <summary>Reads one CAP document from <paramref name="stream"/> (read to its end, not closed).</summary>
    public static CapReadResult Read(Stream stream)
    {
        var bytes = CapInput.ReadBounded(stream);
        if (bytes is null)
        {
            return CapInput.TooLarge();
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException exception)
        {
            return CapReadResult.Refused(ContainsDoctype(bytes)
                ? "has a DOCTYPE declaration; DTDs, entity declarations and external entities are refused (they enable XXE and entity-expansion attacks), and CAP 1.2 needs none"
                : $"is not well-formed XML: {exception.Message}");
        }

        var root = document.Root!;
        var xinclude = document.Descendants().FirstOrDefault(element => element.Name.Namespace == CapNamespaces.XInclude);
        if (xinclude is not null)
        {
            return CapReadResult.Refused($"contains the XInclude element <{xinclude.Name.LocalName}>; XInclude is never processed and documents using it are refused");
        }

        var notices = new List<string>();
        if (root.Name.LocalName != "alert" || (root.Name.Namespace != CapNamespaces.Cap12 && root.Name.Namespace != CapNamespaces.Cap11))
        {
            return CapReadResult.Refused(
                $"has the root element <{root.Name.LocalName}> in the namespace '{root.Name.NamespaceName}'; expected <alert> in '{CapNamespaces.Cap12.NamespaceName}' (CAP 1.2) or '{CapNamespaces.Cap11.NamespaceName}' (CAP 1.1)");
        }

        if (root.Name.Namespace == CapNamespaces.Cap11)
        {
            notices.Add("CAP 1.1 document read into the CAP 1.2 model; writing it produces CAP 1.2.");
        }

        var signatures = root.Elements(CapNamespaces.XmlDsig + "Signature").ToList();
        if (signatures.Count > 0)
        {
            signatures.ForEach(signature => signature.Remove());
            notices.Add("XML signature present and ignored: it was not verified.");
        }

        var problems = new List<CapProblem>();
        var alert = CapAlertMapper.Map(new XmlCapNode(root, "alert", problems));
        problems.AddRange(CapValidator.Validate(alert));
        return problems.Count == 0 ? CapReadResult.Accepted(alert, notices) : CapReadResult.Refused(problems, notices);
    }

    /// <summary>
    /// Whether the bytes hold <c>&lt;!DOCTYPE</c> in a single-byte or UTF-16 encoding: explains a
    /// parse failure caused by the prohibited DTD, which the runtime reports only as a message.
    /// </summary>
    private static bool ContainsDoctype(byte[] bytes)
    {
        const string doctype = "<!DOCTYPE";
        return bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(doctype)) >= 0
            || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(doctype)) >= 0
            || bytes.AsSpan().IndexOf(Encoding.BigEndianUnicode.GetBytes(doctype)) >= 0;
    }
}
