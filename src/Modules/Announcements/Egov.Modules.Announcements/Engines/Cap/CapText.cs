using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// CAP's text forms of times, points, polygons, circles, references and address lists (CAP 1.2
/// §3.2 and §3.3), parsed and formatted in one place so readers and writer agree.
/// </summary>
internal static partial class CapText
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";
    private const NumberStyles CoordinateStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n'];

    /// <summary>
    /// Formats a CAP date-time (§3.3.2): <c>2026-11-29T18:00:00+01:00</c>, whole seconds, a numeric
    /// offset; UTC as <c>-00:00</c> because "Z" MUST NOT be used.
    /// </summary>
    public static string FormatDateTime(DateTimeOffset value)
    {
        var seconds = new DateTimeOffset(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
        var text = seconds.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        return value.Offset == TimeSpan.Zero ? string.Concat(text.AsSpan(0, text.Length - 6), "-00:00") : text;
    }

    /// <summary>
    /// Parses a CAP date-time (§3.3.2 and the XSD pattern): exactly
    /// <c>YYYY-MM-DDThh:mm:ss</c> and a <c>+hh:mm</c> or <c>-hh:mm</c> offset; no "Z", no fractions.
    /// </summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        return DateTimePattern().IsMatch(text)
            && DateTimeOffset.TryParseExact(text, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>The rule <see cref="TryParseDateTime"/> applies, for problem messages.</summary>
    public const string DateTimeRule =
        "a CAP date-time is YYYY-MM-DDThh:mm:ss with a numeric offset such as +01:00 or -00:00; \"Z\" and fractional seconds are not allowed (CAP 1.2 §3.3.2)";

    /// <summary><c>latitude,longitude</c> with invariant decimals.</summary>
    public static string FormatPoint(CapPoint point) =>
        string.Create(CultureInfo.InvariantCulture, $"{point.Latitude},{point.Longitude}");

    /// <summary>Points separated by single spaces (§3.2.4).</summary>
    public static string FormatPolygon(CapPolygon polygon) => string.Join(' ', polygon.Points.Select(FormatPoint));

    /// <summary><c>latitude,longitude radius</c> (§3.2.4).</summary>
    public static string FormatCircle(CapCircle circle) =>
        string.Create(CultureInfo.InvariantCulture, $"{FormatPoint(circle.Center)} {circle.RadiusKm}");

    /// <summary><c>sender,identifier,sent</c> (§3.2.1).</summary>
    public static string FormatReference(CapReference reference) =>
        $"{reference.Sender},{reference.Identifier},{FormatDateTime(reference.Sent)}";

    /// <summary>
    /// Parses polygon text into points; the shape rules (closed, four points, ranges) are
    /// <see cref="CapValidator"/>'s. Returns the error, or <see langword="null"/>.
    /// </summary>
    public static string? TryParsePolygon(string text, out CapPolygon polygon)
    {
        var points = new List<CapPoint>();
        polygon = new CapPolygon([]);
        var pairs = text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < pairs.Length; i++)
        {
            if (!TryParsePoint(pairs[i], out var point))
            {
                return $"point {i + 1} '{pairs[i]}' is not latitude,longitude in decimal degrees (CAP 1.2 §3.2.4)";
            }

            points.Add(point);
        }

        polygon = new CapPolygon(new ValueList<CapPoint>(points));
        return null;
    }

    /// <summary>Parses circle text <c>latitude,longitude radius</c>. Returns the error, or <see langword="null"/>.</summary>
    public static string? TryParseCircle(string text, out CapCircle circle)
    {
        circle = new CapCircle(default, 0);
        var parts = text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !TryParsePoint(parts[0], out var center) || !TryParseDecimal(parts[1], out var radius))
        {
            return $"'{text}' is not 'latitude,longitude radius' with the radius in kilometres (CAP 1.2 §3.2.4)";
        }

        circle = new CapCircle(center, radius);
        return null;
    }

    /// <summary>
    /// Parses whitespace-separated <c>sender,identifier,sent</c> triples (§3.2.1). Identifiers may
    /// not contain commas, so each triple splits unambiguously. Returns the error, or <see langword="null"/>.
    /// </summary>
    public static string? TryParseReferences(string text, out ValueList<CapReference> references)
    {
        var list = new List<CapReference>();
        references = [];
        var entries = text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var parts = entries[i].Split(',');
            if (parts.Length != 3)
            {
                return $"entry {i + 1} '{entries[i]}' is not sender,identifier,sent (CAP 1.2 §3.2.1)";
            }

            if (!TryParseDateTime(parts[2], out var sent))
            {
                return $"entry {i + 1} has sent '{parts[2]}': {DateTimeRule}";
            }

            list.Add(new CapReference(parts[0], parts[1], sent));
        }

        references = new ValueList<CapReference>(list);
        return null;
    }

    /// <summary>A decimal in CAP's plain notation: optional sign, digits, optional fraction; no exponent, no grouping.</summary>
    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, CoordinateStyle, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Splits a space-delimited list whose entries with whitespace are in double quotes
    /// (<c>addresses</c>, <c>incidents</c>, §3.2.1).
    /// </summary>
    public static ValueList<string> SplitQuotedList(string text)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Whitespace, c) >= 0)
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return new ValueList<string>(items);

        void Flush()
        {
            if (current.Length > 0)
            {
                items.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>Joins a list the way <see cref="SplitQuotedList"/> reads it.</summary>
    public static string JoinQuotedList(IEnumerable<string> items) =>
        string.Join(' ', items.Select(item => item.IndexOfAny(Whitespace) >= 0 ? $"\"{item}\"" : item));

    /// <summary>
    /// Whether <paramref name="text"/> may serve as identifier or sender: CAP 1.2 §3.2.1 says they
    /// "MUST NOT include spaces, commas or restricted characters (&lt; and &amp;)".
    /// </summary>
    public static bool IsIdentifier(string text) =>
        text.Length > 0 && !text.Any(c => char.IsWhiteSpace(c) || c is ',' or '<' or '&');

    /// <summary>An RFC 3066 tag as XML Schema's <c>xs:language</c> pattern states it, e.g. <c>de-DE</c>, <c>de-LS</c>.</summary>
    public static bool IsLanguageTag(string text) => LanguagePattern().IsMatch(text);

    /// <summary>The position of the first character XML 1.0 cannot carry, or -1.</summary>
    public static int IndexOfNonXmlCharacter(string text)
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

            return i;
        }

        return -1;
    }

    /// <summary>Parses a CAP token into an enum member by exact, case-sensitive name (never by number).</summary>
    public static bool TryParseToken<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The tokens of an enum, for problem messages: <c>Immediate, Expected, …</c>.</summary>
    public static string Tokens<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    private static bool TryParsePoint(string text, out CapPoint point)
    {
        point = default;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0
            || !TryParseDecimal(text[..comma], out var latitude)
            || !TryParseDecimal(text[(comma + 1)..], out var longitude))
        {
            return false;
        }

        point = new CapPoint(latitude, longitude);
        return true;
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
