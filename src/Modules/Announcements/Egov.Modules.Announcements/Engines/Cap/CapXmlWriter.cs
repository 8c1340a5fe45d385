using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// Writes a <see cref="CapAlert"/> as a CAP 1.2 XML document: UTF-8 without byte-order mark, the
/// CAP 1.2 namespace as default namespace, elements in the order the XSD's sequences demand
/// (CAP 1.2 §3.4), so every document written validates against <see cref="CapSchema"/>.
/// </summary>
/// <remarks>
/// Times as <c>2026-11-29T18:00:00+01:00</c>: whole seconds, the alert's own offset, UTC as
/// <c>-00:00</c> ("Z" MUST NOT be used, §3.3.2). Polygons as <c>lat,lon lat,lon …</c>, circles as
/// <c>lat,lon radius</c> (§3.2.4). <c>language</c> is always written, even when it is the default.
/// Absent optional values are omitted, not written empty. Line breaks in text survive: a carriage
/// return is written as a character reference.
/// </remarks>
internal static class CapXmlWriter
{
    private static readonly XNamespace Cap = CapNamespaces.Cap12;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
    };

    /// <summary>The CAP 1.2 document for <paramref name="alert"/>, as UTF-8 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="alert"/> fails <see cref="CapValidator"/>; the message lists the problems.</exception>
    public static byte[] Write(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var problems = CapValidator.Validate(alert);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The alert is not valid CAP 1.2: {string.Join("; ", problems)}", nameof(alert));
        }

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            new XDocument(Alert(alert)).Save(writer);
        }

        return buffer.ToArray();
    }

    private static XElement Alert(CapAlert alert) =>
        new(
            Cap + "alert",
            new XElement(Cap + "identifier", alert.Identifier),
            new XElement(Cap + "sender", alert.Sender),
            new XElement(Cap + "sent", CapText.FormatDateTime(alert.Sent)),
            new XElement(Cap + "status", alert.Status.ToString()),
            new XElement(Cap + "msgType", alert.MessageType.ToString()),
            Optional("source", alert.Source),
            new XElement(Cap + "scope", alert.Scope.ToString()),
            Optional("restriction", alert.Restriction),
            Optional("addresses", alert.Addresses.Count == 0 ? null : CapText.JoinQuotedList(alert.Addresses)),
            alert.Codes.Select(code => new XElement(Cap + "code", code)),
            Optional("note", alert.Note),
            Optional("references", alert.References.Count == 0 ? null : string.Join(' ', alert.References.Select(CapText.FormatReference))),
            Optional("incidents", alert.Incidents.Count == 0 ? null : CapText.JoinQuotedList(alert.Incidents)),
            alert.Infos.Select(Info));

    private static XElement Info(CapInfo info) =>
        new(
            Cap + "info",
            new XElement(Cap + "language", info.Language),
            info.Categories.Select(category => new XElement(Cap + "category", category.ToString())),
            new XElement(Cap + "event", info.Event),
            info.ResponseTypes.Select(responseType => new XElement(Cap + "responseType", responseType.ToString())),
            new XElement(Cap + "urgency", info.Urgency.ToString()),
            new XElement(Cap + "severity", info.Severity.ToString()),
            new XElement(Cap + "certainty", info.Certainty.ToString()),
            Optional("audience", info.Audience),
            NamedValues("eventCode", info.EventCodes),
            Optional("effective", info.Effective),
            Optional("onset", info.Onset),
            Optional("expires", info.Expires),
            Optional("senderName", info.SenderName),
            Optional("headline", info.Headline),
            Optional("description", info.Description),
            Optional("instruction", info.Instruction),
            Optional("web", info.Web),
            Optional("contact", info.Contact),
            NamedValues("parameter", info.Parameters),
            info.Resources.Select(Resource),
            info.Areas.Select(Area));

    private static XElement Resource(CapResource resource) =>
        new(
            Cap + "resource",
            new XElement(Cap + "resourceDesc", resource.Description),
            new XElement(Cap + "mimeType", resource.MimeType),
            Optional("size", resource.Size?.ToString(CultureInfo.InvariantCulture)),
            Optional("uri", resource.Uri),
            Optional("derefUri", resource.DerefUri),
            Optional("digest", resource.Digest));

    private static XElement Area(CapArea area) =>
        new(
            Cap + "area",
            new XElement(Cap + "areaDesc", area.Description),
            area.Polygons.Select(polygon => new XElement(Cap + "polygon", CapText.FormatPolygon(polygon))),
            area.Circles.Select(circle => new XElement(Cap + "circle", CapText.FormatCircle(circle))),
            NamedValues("geocode", area.Geocodes),
            Optional("altitude", area.Altitude?.ToString(CultureInfo.InvariantCulture)),
            Optional("ceiling", area.Ceiling?.ToString(CultureInfo.InvariantCulture)));

    private static IEnumerable<XElement> NamedValues(string name, IEnumerable<CapNamedValue> pairs) =>
        pairs.Select(pair => new XElement(
            Cap + name,
            new XElement(Cap + "valueName", pair.ValueName),
            new XElement(Cap + "value", pair.Value)));

    private static XElement? Optional(string name, string? value) =>
        value is null ? null : new XElement(Cap + name, value);

    private static XElement? Optional(string name, DateTimeOffset? value) =>
        value is { } time ? new XElement(Cap + name, CapText.FormatDateTime(time)) : null;
}
