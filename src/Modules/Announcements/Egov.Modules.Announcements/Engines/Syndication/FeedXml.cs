using System.Globalization;
using System.Text;
using System.Xml;

namespace Egov.Modules.Announcements.Engines.Syndication;

/// <summary>
/// What the RSS and Atom writers share: UTF-8 <see cref="XmlWriter"/> settings, the two date formats
/// and text that XML 1.0 can carry. User text only ever reaches the output through
/// <see cref="XmlWriter.WriteString"/> and <see cref="XmlWriter.WriteAttributeString(string, string?)"/>,
/// which escape it; nothing is concatenated into markup.
/// </summary>
internal static class FeedXml
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>OASIS CAP 1.2 namespace, for the alert facts in the alerts feed.</summary>
    public const string CapNamespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>Writes a document with <paramref name="write"/> and returns its UTF-8 bytes (no byte order mark).</summary>
    public static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            NewLineChars = "\n",
            CheckCharacters = true,
        }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>An element with text content; the text is cleaned (<see cref="Clean"/>) and escaped.</summary>
    public static void Element(XmlWriter writer, string localName, string text, string? ns = null)
    {
        writer.WriteStartElement(localName, ns);
        writer.WriteString(Clean(text));
        writer.WriteEndElement();
    }

    /// <summary>An attribute of the current element; the value is cleaned (<see cref="Clean"/>) and escaped.</summary>
    public static void Attribute(XmlWriter writer, string localName, string value) =>
        writer.WriteAttributeString(localName, Clean(value));

    /// <summary>
    /// RFC 822 §5 date-time as RSS 2.0 wants it (with the four-digit year of RFC 1123), in GMT, with
    /// English day and month names whatever the current culture: <c>Sun, 25 Oct 2026 00:30:00 GMT</c>.
    /// </summary>
    public static string Rfc822(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 date-time in UTC to the second, as Atom wants it (RFC 4287 §3.3): <c>2026-10-25T00:30:00Z</c>.</summary>
    public static string Rfc3339(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="text"/> without the characters XML 1.0 cannot carry (§2.2: C0 controls other
    /// than tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF), so that one stray
    /// control character in an announcement cannot break the whole feed.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }

        return clean.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }
}
