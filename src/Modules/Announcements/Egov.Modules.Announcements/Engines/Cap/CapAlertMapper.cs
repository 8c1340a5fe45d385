using System.Globalization;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// Maps a CAP element tree (XML or BBK JSON) to <see cref="CapAlert"/>, reporting what cannot be
/// read: missing required elements of typed content, values outside the CAP enumerations, times
/// and numbers in the wrong form, repeated single elements. Rules about values that the model can
/// hold (empty required text, polygon shape, time order, …) are <see cref="CapValidator"/>'s.
/// </summary>
/// <remarks>
/// Empty elements follow the XSD: an empty optional text element (<c>&lt;note/&gt;</c>) counts as
/// absent; an empty typed element (enumeration, time, number) is refused; an empty
/// <c>&lt;language/&gt;</c> takes the XSD default <c>en-US</c>. References, polygons and circles
/// are text in the XSD but have a format in CAP 1.2 §3.2.1 and §3.2.4, so empty ones are refused.
/// </remarks>
internal static class CapAlertMapper
{
    /// <summary>The alert under <paramref name="alert"/>; placeholders where problems were reported.</summary>
    public static CapAlert Map(CapNode alert)
    {
        var result = new CapAlert
        {
            Identifier = Token(alert, "identifier") ?? "",
            Sender = Token(alert, "sender") ?? "",
            Sent = RequiredDateTime(alert, "sent"),
            Status = RequiredEnum<CapStatus>(alert, "status"),
            MessageType = RequiredEnum<CapMessageType>(alert, "msgType"),
            Source = OptionalText(alert, "source"),
            Scope = RequiredEnum<CapScope>(alert, "scope"),
            Restriction = OptionalText(alert, "restriction"),
            Addresses = QuotedList(alert, "addresses"),
            Codes = [.. alert.Many("code").Select(code => code.Text?.Trim()).OfType<string>().Where(code => code.Length > 0)],
            Note = OptionalText(alert, "note"),
            References = References(alert),
            Incidents = QuotedList(alert, "incidents"),
            Infos = [.. alert.Many("info").Select(Info)],
        };
        alert.CheckNoOtherChildren();
        return result;
    }

    private static CapInfo Info(CapNode info)
    {
        var language = Token(info, "language");
        var result = new CapInfo
        {
            Language = string.IsNullOrEmpty(language) ? CapInfo.DefaultLanguage : language,
            Categories = EnumList<CapCategory>(info, "category"),
            Event = RequiredText(info, "event"),
            ResponseTypes = EnumList<CapResponseType>(info, "responseType"),
            Urgency = RequiredEnum<CapUrgency>(info, "urgency"),
            Severity = RequiredEnum<CapSeverity>(info, "severity"),
            Certainty = RequiredEnum<CapCertainty>(info, "certainty"),
            Audience = OptionalText(info, "audience"),
            EventCodes = NamedValues(info, "eventCode"),
            Effective = OptionalDateTime(info, "effective"),
            Onset = OptionalDateTime(info, "onset"),
            Expires = OptionalDateTime(info, "expires"),
            SenderName = OptionalText(info, "senderName"),
            Headline = OptionalText(info, "headline"),
            Description = OptionalText(info, "description"),
            Instruction = OptionalText(info, "instruction"),
            Web = NullIfEmpty(Token(info, "web")),
            Contact = OptionalText(info, "contact"),
            Parameters = NamedValues(info, "parameter"),
            Resources = [.. info.Many("resource").Select(Resource)],
            Areas = [.. info.Many("area").Select(Area)],
        };
        info.CheckNoOtherChildren();
        return result;
    }

    private static CapResource Resource(CapNode resource)
    {
        var result = new CapResource
        {
            Description = RequiredText(resource, "resourceDesc"),
            MimeType = Token(resource, "mimeType") ?? "",
            Size = OptionalInteger(resource, "size"),
            Uri = NullIfEmpty(Token(resource, "uri")),
            DerefUri = NullIfEmpty(Token(resource, "derefUri")),
            Digest = NullIfEmpty(Token(resource, "digest")),
        };
        resource.CheckNoOtherChildren();
        return result;
    }

    private static CapArea Area(CapNode area)
    {
        var result = new CapArea
        {
            Description = RequiredText(area, "areaDesc"),
            Polygons = Geometry<CapPolygon>(area, "polygon", "latitude,longitude points", CapText.TryParsePolygon),
            Circles = Geometry<CapCircle>(area, "circle", "a circle 'latitude,longitude radius'", CapText.TryParseCircle),
            Geocodes = NamedValues(area, "geocode"),
            Altitude = OptionalDecimal(area, "altitude"),
            Ceiling = OptionalDecimal(area, "ceiling"),
        };
        area.CheckNoOtherChildren();
        return result;
    }

    private delegate string? Parser<T>(string text, out T value);

    private static ValueList<T> Geometry<T>(CapNode area, string name, string expected, Parser<T> parse)
    {
        var shapes = new List<T>();
        foreach (var node in area.Many(name))
        {
            var text = node.Text?.Trim();
            if (text is null)
            {
                continue;
            }

            if (text.Length == 0)
            {
                node.Report(node.Path, $"is empty; expected {expected} (CAP 1.2 §3.2.4)");
                continue;
            }

            var error = parse(text, out var shape);
            if (error is not null)
            {
                node.Report(node.Path, error);
                continue;
            }

            shapes.Add(shape);
        }

        return new ValueList<T>(shapes);
    }

    private static ValueList<CapNamedValue> NamedValues(CapNode parent, string name)
    {
        var pairs = new List<CapNamedValue>();
        foreach (var node in parent.Many(name))
        {
            var valueName = RequiredText(node, "valueName").Trim();
            var value = node.One("value");
            if (value is null)
            {
                node.Report(node.ChildPath("value"), $"is required but missing (CAP 1.2 {Section(node)})");
            }

            pairs.Add(new CapNamedValue(valueName, value?.Text ?? ""));
            node.CheckNoOtherChildren();
        }

        return new ValueList<CapNamedValue>(pairs);
    }

    private static ValueList<CapReference> References(CapNode alert)
    {
        var node = alert.One("references");
        var text = node?.Text?.Trim();
        if (node is null || text is null)
        {
            return [];
        }

        if (text.Length == 0)
        {
            node.Report(node.Path, "is empty; expected whitespace-separated sender,identifier,sent entries (CAP 1.2 §3.2.1)");
            return [];
        }

        var error = CapText.TryParseReferences(text, out var references);
        if (error is not null)
        {
            node.Report(node.Path, error);
        }

        return references;
    }

    private static ValueList<string> QuotedList(CapNode parent, string name)
    {
        var text = parent.One(name)?.Text;
        return text is null ? [] : CapText.SplitQuotedList(text);
    }

    private static T RequiredEnum<T>(CapNode parent, string name)
        where T : struct, Enum
    {
        var node = parent.One(name);
        if (node is null)
        {
            parent.Report(parent.ChildPath(name), $"is required but missing; expected one of {CapText.Tokens<T>()} (CAP 1.2 {Section(parent)})");
            return default;
        }

        return Enum<T>(node) ?? default;
    }

    private static ValueList<T> EnumList<T>(CapNode parent, string name)
        where T : struct, Enum =>
        [.. parent.Many(name).Select(Enum<T>).OfType<T>()];

    private static T? Enum<T>(CapNode node)
        where T : struct, Enum
    {
        var text = node.Text?.Trim();
        if (text is null)
        {
            return null;
        }

        if (CapText.TryParseToken<T>(text, out var value))
        {
            return value;
        }

        node.Report(node.Path, text.Length == 0
            ? $"is empty; expected one of {CapText.Tokens<T>()} (CAP 1.2 {Section(node)})"
            : $"'{text}' is not one of {CapText.Tokens<T>()} (CAP 1.2 {Section(node)}; tokens are case-sensitive)");
        return null;
    }

    private static DateTimeOffset RequiredDateTime(CapNode parent, string name)
    {
        var node = parent.One(name);
        if (node is null)
        {
            parent.Report(parent.ChildPath(name), "is required but missing (CAP 1.2 §3.2.1)");
            return default;
        }

        return DateTime(node) ?? default;
    }

    private static DateTimeOffset? OptionalDateTime(CapNode parent, string name)
    {
        var node = parent.One(name);
        return node is null ? null : DateTime(node);
    }

    private static DateTimeOffset? DateTime(CapNode node)
    {
        var text = node.Text?.Trim();
        if (text is null)
        {
            return null;
        }

        if (CapText.TryParseDateTime(text, out var value))
        {
            return value;
        }

        node.Report(node.Path, $"'{text}' is not a CAP date-time: {CapText.DateTimeRule}");
        return null;
    }

    private static decimal? OptionalDecimal(CapNode parent, string name)
    {
        var node = parent.One(name);
        var text = node?.Text?.Trim();
        if (node is null || text is null)
        {
            return null;
        }

        if (CapText.TryParseDecimal(text, out var value))
        {
            return value;
        }

        node.Report(node.Path, $"'{text}' is not a decimal number (CAP 1.2 §3.2.4)");
        return null;
    }

    private static long? OptionalInteger(CapNode parent, string name)
    {
        var node = parent.One(name);
        var text = node?.Text?.Trim();
        if (node is null || text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        node.Report(node.Path, $"'{text}' is not an integer (CAP 1.2 §3.2.3)");
        return null;
    }

    /// <summary>Required free text; missing reads as empty, which <see cref="CapValidator"/> refuses.</summary>
    private static string RequiredText(CapNode parent, string name) => parent.One(name)?.Text ?? "";

    /// <summary>Optional free text, verbatim; empty or whitespace-only counts as absent.</summary>
    private static string? OptionalText(CapNode parent, string name)
    {
        var text = parent.One(name)?.Text;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>A trimmed token (identifier, code, URI, …), or <see langword="null"/> when absent.</summary>
    private static string? Token(CapNode parent, string name) => parent.One(name)?.Text?.Trim();

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>The CAP 1.2 data dictionary section of the block <paramref name="node"/> is in.</summary>
    private static string Section(CapNode node) =>
        node.Path.Contains("/area", StringComparison.Ordinal) ? "§3.2.4"
        : node.Path.Contains("/resource", StringComparison.Ordinal) ? "§3.2.3"
        : node.Path.Contains("/info", StringComparison.Ordinal) ? "§3.2.2"
        : "§3.2.1";
}
