using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Egov.Modules.Handoff.Engines.Xdomea;

/// <summary>
/// Writes one case as an xdomea 3.1.0 message <c>Abgabe.Abgabe.0401</c> (XÖV standard xdomea of the
/// IT-Planungsrat, operated by KoSIT; schemas: XRepository <c>urn:xoev-de:xdomea:kosit:standard:xdomea</c>,
/// version 3.1.0) in a zip: the message <c>{ProzessID}_Abgabe.Abgabe.0401.xml</c> and one primary file per
/// document, named <c>{document UUID}_{safe name}</c> as <c>stringDateinameType</c> wants. Structure:
/// Akte (the case file: file plan reference, subject) → Vorgang (the application: reference number) →
/// Dokument per document. The name the citizen gave a file goes only into <c>DateinameOriginal</c>
/// (XML-escaped, characters XML cannot hold replaced); zip entry names are made of safe characters only.
/// </summary>
internal static class XdomeaExport
{
    public const string Namespace = "urn:xoev-de:xdomea:schema:3.1.0";
    private const string FormatListUri = "urn:xoev-de:xdomea:codeliste:dateiformat";

    /// <summary>Writes the zip of <paramref name="message"/> to <paramref name="output"/>.</summary>
    public static void Write(XdomeaMessage message, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        var files = message.Documents.Select(d => (Document: d, Entry: $"{d.Id:D}_{SafeName(d.FileName)}")).ToList();
        var xml = zip.CreateEntry($"{message.ProcessId:D}_Abgabe.Abgabe.0401.xml", CompressionLevel.Optimal);
        using (var stream = xml.Open())
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            WriteMessage(writer, message, files);
        }

        foreach (var (document, entry) in files)
        {
            using var stream = zip.CreateEntry(entry, CompressionLevel.Optimal).Open();
            stream.Write(document.Content);
        }
    }

    private static void WriteMessage(XmlWriter w, XdomeaMessage m, List<(XdomeaDocument Document, string Entry)> files)
    {
        w.WriteStartDocument();
        w.WriteStartElement("xdomea", "Abgabe.Abgabe.0401", Namespace);
        w.WriteStartElement("xdomea", "Kopf", Namespace);
        Element(w, "ProzessID", m.ProcessId.ToString("D"));
        w.WriteStartElement("xdomea", "Nachrichtentyp", Namespace);
        w.WriteElementString("code", "", "0401"); // xoev-code:Code's children are unqualified
        w.WriteEndElement();
        Element(w, "Erstellungszeitpunkt", XmlConvert.ToString(m.CreatedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc));
        Contact(w, "Absender", m.Sender, m.SenderUnit);
        Contact(w, "Empfaenger", m.Recipient, null);
        Element(w, "Importbestaetigung", "1"); // fixed by the schema: an Abgabe is always confirmed by 0402
        Element(w, "Empfangsbestaetigung", "false");
        w.WriteEndElement(); // Kopf

        w.WriteStartElement("xdomea", "Schriftgutobjekt", Namespace);
        w.WriteStartElement("xdomea", "Akte", Namespace);
        Identification(w, m.FileId);
        Metadata(w, m.Subject, m.FilePlanReference is null ? m.ReferenceNumber : $"{m.FilePlanReference}-{m.ReferenceNumber}", m.FilePlanReference);
        w.WriteStartElement("xdomea", "Akteninhalt", Namespace);
        w.WriteStartElement("xdomea", "Vorgang", Namespace);
        Identification(w, m.ProceedingId);
        Metadata(w, m.Subject, m.ReferenceNumber, null);
        foreach (var (document, entry) in files)
        {
            w.WriteStartElement("xdomea", "Dokument", Namespace);
            Identification(w, document.Id);
            Metadata(w, document.Title, null, null);
            Element(w, "Posteingangsdatum", document.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Element(w, "Typ", document.Kind);
            w.WriteStartElement("xdomea", "Version", Namespace);
            Element(w, "Nummer", "1");
            w.WriteStartElement("xdomea", "Format", Namespace);
            var (code, other) = FormatCode(document.FileName, document.MediaType);
            w.WriteStartElement("xdomea", "Name", Namespace);
            w.WriteAttributeString("listURI", FormatListUri);
            w.WriteAttributeString("listVersionID", "1.0");
            w.WriteElementString("code", "", code);
            w.WriteEndElement();
            if (other is not null)
            {
                Element(w, "SonstigerName", other);
            }

            Element(w, "Version", "");
            w.WriteStartElement("xdomea", "Primaerdokument", Namespace);
            Element(w, "Dateiname", entry);
            Element(w, "DateinameOriginal", XmlSafe(document.FileName));
            Element(w, "DatumUhrzeit", XmlConvert.ToString(document.CreatedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc));
            w.WriteEndElement(); // Primaerdokument
            w.WriteEndElement(); // Format
            w.WriteEndElement(); // Version
            w.WriteEndElement(); // Dokument
        }

        w.WriteEndElement(); // Vorgang
        w.WriteEndElement(); // Akteninhalt
        w.WriteEndElement(); // Akte
        w.WriteEndElement(); // Schriftgutobjekt
        w.WriteEndElement(); // message
        w.WriteEndDocument();
    }

    private static void Element(XmlWriter w, string name, string value) => w.WriteElementString("xdomea", name, Namespace, XmlSafe(value));

    private static void Identification(XmlWriter w, Guid id)
    {
        w.WriteStartElement("xdomea", "Identifikation", Namespace);
        Element(w, "ID", id.ToString("D"));
        w.WriteEndElement();
    }

    private static void Metadata(XmlWriter w, string subject, string? mark, string? filePlan)
    {
        w.WriteStartElement("xdomea", "AllgemeineMetadaten", Namespace);
        Element(w, "Betreff", subject);
        if (mark is not null)
        {
            Element(w, "Kennzeichen", mark);
        }

        if (filePlan is not null)
        {
            w.WriteStartElement("xdomea", "Aktenplaneinheit", Namespace);
            Element(w, "Kennzeichen", filePlan);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Contact(XmlWriter w, string name, string institution, string? unit)
    {
        w.WriteStartElement("xdomea", name, Namespace);
        w.WriteStartElement("xdomea", "Institution", Namespace);
        Element(w, "Name", institution);
        w.WriteEndElement();
        if (unit is not null)
        {
            w.WriteStartElement("xdomea", "Organisationseinheit", Namespace);
            Element(w, "Name", unit);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>The code of the xdomea code list "Dateiformat" (version 1.0), or <c>100</c> (Sonstiges) with the format's name.</summary>
    private static (string Code, string? Other) FormatCode(string fileName, string mediaType) => mediaType switch
    {
        "application/pdf" => ("018", null),
        "image/png" => ("019", null),
        "image/jpeg" => ("011", null),
        "image/tiff" => ("024", null),
        "text/plain" => ("045", null),
        "application/xml" or "text/xml" => ("030", null),
        "application/json" => ("100", "json"),
        _ => ("100", Path.GetExtension(SafeName(fileName)).TrimStart('.') is { Length: > 0 } extension ? extension : mediaType),
    };

    /// <summary>
    /// A file name safe in any zip reader and file system: ASCII letters, digits, <c>.</c>, <c>-</c>, <c>_</c>
    /// (umlauts and everything else become <c>_</c>), no leading dots, at most 100 characters, never empty —
    /// so no entry can climb out of the folder it is unpacked to.
    /// </summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var result = safe.ToString().TrimStart('.');
        if (result.Length > 100)
        {
            var extension = Path.GetExtension(result);
            result = result[..(100 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }

        return result.Length == 0 ? "file" : result;
    }

    /// <summary>Characters XML 1.0 cannot hold (controls, lone surrogates) become U+FFFD, so a hostile name cannot break the message.</summary>
    private static string XmlSafe(string value)
    {
        if (value.All(XmlConvert.IsXmlChar) && !value.Any(char.IsSurrogate))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(value, i++, 2);
            }
            else
            {
                text.Append(XmlConvert.IsXmlChar(value[i]) ? value[i] : '\uFFFD');
            }
        }

        return text.ToString();
    }
}

/// <summary>What one xdomea export holds.</summary>
/// <param name="ProcessId">The message's ProzessID (UUID).</param>
/// <param name="CreatedAt">When the message was made (UTC).</param>
/// <param name="Sender">The sending authority (Institution).</param>
/// <param name="SenderUnit">The sending department (Organisationseinheit), or null.</param>
/// <param name="Recipient">The receiving authority (its e-file).</param>
/// <param name="FileId">The Akte's UUID (stable per case).</param>
/// <param name="ProceedingId">The Vorgang's UUID (the application's id).</param>
/// <param name="ReferenceNumber">The application's reference number: the Vorgang's Kennzeichen.</param>
/// <param name="FilePlanReference">The file plan reference (Aktenplankennzeichen), or null when none is configured.</param>
/// <param name="Subject">The Betreff of Akte and Vorgang.</param>
/// <param name="Documents">The documents, in order.</param>
internal sealed record XdomeaMessage(
    Guid ProcessId, DateTimeOffset CreatedAt, string Sender, string? SenderUnit, string Recipient,
    Guid FileId, Guid ProceedingId, string ReferenceNumber, string? FilePlanReference, string Subject, IReadOnlyList<XdomeaDocument> Documents);

/// <summary>One document of an export.</summary>
/// <param name="Id">Its UUID (Identifikation/ID and the primary file's name prefix).</param>
/// <param name="Kind">Its kind (Typ), e.g. <c>Antrag</c>, <c>Eingangsbestätigung</c>, <c>Anlage</c>.</param>
/// <param name="Title">Its Betreff.</param>
/// <param name="FileName">The original file name (any characters).</param>
/// <param name="MediaType">Its media type.</param>
/// <param name="CreatedAt">When it was made or uploaded (UTC).</param>
/// <param name="ReceivedOn">Posteingangsdatum: the submission's date in Europe/Berlin.</param>
/// <param name="Content">The bytes.</param>
internal sealed record XdomeaDocument(
    Guid Id, string Kind, string Title, string FileName, string MediaType, DateTimeOffset CreatedAt, DateOnly ReceivedOn, byte[] Content);
