using System.Buffers.Text;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// The CAP 1.2 rules an alert must meet, checked on the model: by the readers before they accept
/// one, by <see cref="CapXmlWriter"/> before it writes one, and by anyone composing one in code.
/// Paths in problems match the readers' (<c>alert/info[1]/area[2]/polygon[1]</c>).
/// </summary>
/// <remarks>
/// <para>The rules and their sources (OASIS CAP 1.2, 2010):</para>
/// <list type="bullet">
/// <item>§3.2.1: identifier and sender present, without whitespace, commas, <c>&lt;</c> or
/// <c>&amp;</c>; restriction when scope is Restricted; addresses when Private; references when
/// msgType is Update, Cancel, Ack or Error (each "identified in &lt;references&gt;").</item>
/// <item>§3.2.2: language an RFC 3066 tag; at least one category; event present; valueName of
/// eventCode and parameter present; web an absolute http(s) URI; expires later than effective,
/// onset and the alert's sent. Onset may lie before sent (an observed event, such as the USGS
/// earthquake, is reported after it began), so sent ≤ onset is deliberately not a rule.</item>
/// <item>§3.2.3: resourceDesc and mimeType present; size not negative; uri a URI reference;
/// derefUri base64.</item>
/// <item>§3.2.4 and §3.3.1: areaDesc present; a polygon has at least four points and its first
/// equals its last; circle radius not negative; WGS 84 latitude −90…90, longitude −180…180;
/// geocode valueName present; ceiling only with altitude, not below it.</item>
/// <item>Every enumeration holds a defined member, and all text is XML 1.0 characters, so the
/// writer can always write what passes.</item>
/// </list>
/// </remarks>
internal static class CapValidator
{
    private const int MinPolygonPoints = 4;

    /// <summary>The problems of <paramref name="alert"/>; empty when it is a valid CAP 1.2 alert.</summary>
    public static IReadOnlyList<CapProblem> Validate(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var problems = new Problems();
        const string path = "alert";

        problems.Identifier($"{path}/identifier", alert.Identifier, "§3.2.1");
        problems.Identifier($"{path}/sender", alert.Sender, "§3.2.1");
        problems.Defined($"{path}/status", alert.Status, "§3.2.1");
        problems.Defined($"{path}/msgType", alert.MessageType, "§3.2.1");
        problems.Text($"{path}/source", alert.Source);
        problems.Defined($"{path}/scope", alert.Scope, "§3.2.1");
        problems.Text($"{path}/restriction", alert.Restriction);
        if (alert.Scope == CapScope.Restricted && string.IsNullOrWhiteSpace(alert.Restriction))
        {
            problems.Add($"{path}/restriction", "is required when scope is Restricted (CAP 1.2 §3.2.1)");
        }

        problems.Items($"{path}/addresses", alert.Addresses);
        if (alert.Scope == CapScope.Private && alert.Addresses.Count == 0)
        {
            problems.Add($"{path}/addresses", "is required when scope is Private (CAP 1.2 §3.2.1)");
        }

        problems.Items($"{path}/code", alert.Codes);
        problems.Text($"{path}/note", alert.Note);
        if (alert.MessageType != CapMessageType.Alert && alert.References.Count == 0)
        {
            problems.Add($"{path}/references", $"is required for msgType {alert.MessageType}: it names the earlier messages this one refers to (CAP 1.2 §3.2.1)");
        }

        for (var i = 0; i < alert.References.Count; i++)
        {
            problems.Identifier($"{path}/references[{i + 1}]/sender", alert.References[i].Sender, "§3.2.1");
            problems.Identifier($"{path}/references[{i + 1}]/identifier", alert.References[i].Identifier, "§3.2.1");
        }

        problems.Items($"{path}/incidents", alert.Incidents);
        for (var i = 0; i < alert.Infos.Count; i++)
        {
            Info(problems, $"{path}/info[{i + 1}]", alert.Infos[i], alert.Sent);
        }

        return problems.List;
    }

    private static void Info(Problems problems, string path, CapInfo info, DateTimeOffset sent)
    {
        if (!CapText.IsLanguageTag(info.Language))
        {
            problems.Add($"{path}/language", $"'{info.Language}' is not an RFC 3066 language tag such as de-DE (CAP 1.2 §3.2.2)");
        }

        if (info.Categories.Count == 0)
        {
            problems.Add($"{path}/category", "is required: at least one category (CAP 1.2 §3.2.2)");
        }

        foreach (var category in info.Categories)
        {
            problems.Defined($"{path}/category", category, "§3.2.2");
        }

        problems.Required($"{path}/event", info.Event, "§3.2.2");
        foreach (var responseType in info.ResponseTypes)
        {
            problems.Defined($"{path}/responseType", responseType, "§3.2.2");
        }

        problems.Defined($"{path}/urgency", info.Urgency, "§3.2.2");
        problems.Defined($"{path}/severity", info.Severity, "§3.2.2");
        problems.Defined($"{path}/certainty", info.Certainty, "§3.2.2");
        problems.Text($"{path}/audience", info.Audience);
        problems.NamedValues($"{path}/eventCode", info.EventCodes, "§3.2.2");
        Times(problems, path, info, sent);
        problems.Text($"{path}/senderName", info.SenderName);
        problems.Text($"{path}/headline", info.Headline);
        problems.Text($"{path}/description", info.Description);
        problems.Text($"{path}/instruction", info.Instruction);
        if (info.Web is not null
            && !(Uri.TryCreate(info.Web, UriKind.Absolute, out var web) && (web.Scheme == Uri.UriSchemeHttps || web.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add($"{path}/web", $"'{info.Web}' is not a full absolute http(s) URI (CAP 1.2 §3.2.2)");
        }

        problems.Text($"{path}/contact", info.Contact);
        problems.NamedValues($"{path}/parameter", info.Parameters, "§3.2.2");
        for (var i = 0; i < info.Resources.Count; i++)
        {
            Resource(problems, $"{path}/resource[{i + 1}]", info.Resources[i]);
        }

        for (var i = 0; i < info.Areas.Count; i++)
        {
            Area(problems, $"{path}/area[{i + 1}]", info.Areas[i]);
        }
    }

    private static void Times(Problems problems, string path, CapInfo info, DateTimeOffset sent)
    {
        if (info.Expires is not { } expires)
        {
            return;
        }

        if (info.Onset is { } onset && expires <= onset)
        {
            problems.Add($"{path}/expires", $"{CapText.FormatDateTime(expires)} is not later than onset {CapText.FormatDateTime(onset)}: the information would expire before the event begins (CAP 1.2 §3.2.2)");
        }

        if (info.Effective is { } effective && expires <= effective)
        {
            problems.Add($"{path}/expires", $"{CapText.FormatDateTime(expires)} is not later than effective {CapText.FormatDateTime(effective)} (CAP 1.2 §3.2.2)");
        }

        if (expires <= sent)
        {
            problems.Add($"{path}/expires", $"{CapText.FormatDateTime(expires)} is not later than the alert's sent {CapText.FormatDateTime(sent)}: the alert would be expired when sent (CAP 1.2 §3.2.1, §3.2.2)");
        }
    }

    private static void Resource(Problems problems, string path, CapResource resource)
    {
        problems.Required($"{path}/resourceDesc", resource.Description, "§3.2.3");
        problems.Required($"{path}/mimeType", resource.MimeType, "§3.2.3; optional in CAP 1.1, required in 1.2");
        if (resource.Size < 0)
        {
            problems.Add($"{path}/size", $"{resource.Size} is negative; it is the size in bytes (CAP 1.2 §3.2.3)");
        }

        if (resource.Uri is not null && !Uri.TryCreate(resource.Uri, UriKind.RelativeOrAbsolute, out _))
        {
            problems.Add($"{path}/uri", $"'{resource.Uri}' is not a URI (CAP 1.2 §3.2.3)");
        }

        if (resource.DerefUri is not null && !Base64.IsValid(resource.DerefUri))
        {
            problems.Add($"{path}/derefUri", "is not base64-encoded content (CAP 1.2 §3.2.3)");
        }

        problems.Text($"{path}/digest", resource.Digest);
    }

    private static void Area(Problems problems, string path, CapArea area)
    {
        problems.Required($"{path}/areaDesc", area.Description, "§3.2.4");
        for (var i = 0; i < area.Polygons.Count; i++)
        {
            Polygon(problems, $"{path}/polygon[{i + 1}]", area.Polygons[i]);
        }

        for (var i = 0; i < area.Circles.Count; i++)
        {
            var circle = area.Circles[i];
            problems.Point($"{path}/circle[{i + 1}]", circle.Center, "the centre");
            if (circle.RadiusKm < 0)
            {
                problems.Add($"{path}/circle[{i + 1}]", $"radius {circle.RadiusKm} km is negative (CAP 1.2 §3.2.4)");
            }
        }

        problems.NamedValues($"{path}/geocode", area.Geocodes, "§3.2.4");
        if (area.Ceiling is { } ceiling)
        {
            if (area.Altitude is not { } altitude)
            {
                problems.Add($"{path}/ceiling", "MUST NOT be used without altitude (CAP 1.2 §3.2.4)");
            }
            else if (ceiling < altitude)
            {
                problems.Add($"{path}/ceiling", $"{ceiling} is below altitude {altitude} (CAP 1.2 §3.2.4)");
            }
        }
    }

    private static void Polygon(Problems problems, string path, CapPolygon polygon)
    {
        var points = polygon.Points;
        if (points.Count < MinPolygonPoints)
        {
            problems.Add(path, $"has {points.Count} points; a polygon needs at least {MinPolygonPoints}, the first repeated as the last (CAP 1.2 §3.2.4)");
        }

        if (points.Count > 0 && points[0] != points[^1])
        {
            problems.Add(path, $"is not closed: the first point {points[0]} differs from the last {points[^1]} (CAP 1.2 §3.2.4)");
        }

        for (var i = 0; i < points.Count; i++)
        {
            problems.Point(path, points[i], $"point {i + 1}");
        }
    }

    /// <summary>The problem list and the checks that recur.</summary>
    private sealed class Problems
    {
        public List<CapProblem> List { get; } = [];

        public void Add(string path, string message) => List.Add(new CapProblem(path, message));

        public void Required(string path, string value, string section)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, $"is required but missing or empty (CAP 1.2 {section})");
                return;
            }

            Text(path, value);
        }

        public void Identifier(string path, string value, string section)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, $"is required but missing or empty (CAP 1.2 {section})");
            }
            else if (!CapText.IsIdentifier(value))
            {
                Add(path, $"'{value}' contains whitespace, a comma, '<' or '&', which CAP 1.2 {section} forbids");
            }
            else
            {
                Text(path, value);
            }
        }

        public void Text(string path, string? value)
        {
            var index = value is null ? -1 : CapText.IndexOfNonXmlCharacter(value);
            if (index >= 0)
            {
                Add(path, $"contains U+{(int)value![index]:X4} at position {index + 1}, which XML 1.0 cannot carry");
            }
        }

        public void Items(string path, IEnumerable<string> items)
        {
            foreach (var item in items)
            {
                if (item.Length == 0)
                {
                    Add(path, "contains an empty entry");
                }

                Text(path, item);
            }
        }

        public void NamedValues(string path, ValueList<CapNamedValue> pairs, string section)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                Required($"{path}[{i + 1}]/valueName", pairs[i].ValueName, section);
                Text($"{path}[{i + 1}]/value", pairs[i].Value);
            }
        }

        public void Defined<T>(string path, T value, string section)
            where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                Add(path, $"{value} is not one of {CapText.Tokens<T>()} (CAP 1.2 {section})");
            }
        }

        public void Point(string path, CapPoint point, string which)
        {
            if (point.Latitude is < -90 or > 90)
            {
                Add(path, $"{which} has latitude {point.Latitude}, outside -90 to 90 (WGS 84, CAP 1.2 §3.3.1)");
            }

            if (point.Longitude is < -180 or > 180)
            {
                Add(path, $"{which} has longitude {point.Longitude}, outside -180 to 180 (WGS 84, CAP 1.2 §3.3.1)");
            }
        }
    }
}
