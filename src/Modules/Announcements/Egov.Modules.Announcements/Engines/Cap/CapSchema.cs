using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// Validates documents against the official OASIS CAP 1.2 XML Schema (<c>cap-1.2.xsd</c>, embedded
/// in this assembly; its source and licence are noted at its top). Schema validity is necessary,
/// not sufficient: CAP's rules beyond the XSD are <see cref="CapValidator"/>'s.
/// </summary>
/// <remarks>
/// No resolver is used: neither the schema nor a document can pull anything from outside;
/// <c>xsi:schemaLocation</c> hints and inline schemas are ignored. The root must be CAP 1.2's
/// <c>alert</c>: the schema alone would pass an undeclared root with a mere warning. The XML
/// signature allowed at the end of <c>alert</c> is validated laxly, i.e. not at all without its schema.
/// </remarks>
internal static class CapSchema
{
    /// <summary>The manifest name of the embedded schema (see the module's .csproj).</summary>
    public const string ResourceName = "Egov.Modules.Announcements.Cap.cap-1.2.xsd";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>The schema errors of <paramref name="document"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        if (RootError(document.Root?.Name) is { } rootError)
        {
            errors.Add(rootError);
            return errors;
        }

        document.Validate(Schemas.Value, (_, e) => Collect(errors, e));
        return errors;
    }

    /// <summary>The schema errors of the document in <paramref name="stream"/>, including well-formedness; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = CapInput.MaxDocumentBytes,
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
        };
        settings.ValidationEventHandler += (_, e) => Collect(errors, e);
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            if (RootError(XName.Get(reader.LocalName, reader.NamespaceURI)) is { } rootError)
            {
                errors.Add(rootError);
                return errors;
            }

            while (reader.Read())
            {
            }
        }
        catch (XmlException exception)
        {
            errors.Add($"not well-formed: {exception.Message}");
        }

        return errors;
    }

    private static string? RootError(XName? root) =>
        root == CapNamespaces.Cap12 + "alert"
            ? null
            : $"the root element is {root}, not {{{CapNamespaces.Cap12.NamespaceName}}}alert";

    private static void Collect(List<string> errors, ValidationEventArgs e)
    {
        if (e.Severity == XmlSeverityType.Error)
        {
            errors.Add(e.Exception.LineNumber > 0
                ? $"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Message}"
                : e.Message);
        }
    }

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(CapSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var schemas = new XmlSchemaSet { XmlResolver = null };
        schemas.Add(XmlSchema.Read(reader, null)!);
        schemas.Compile();
        return schemas;
    }
}
