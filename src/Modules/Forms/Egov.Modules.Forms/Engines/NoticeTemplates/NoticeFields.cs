using System.Text.Json;

namespace Egov.Modules.Forms.Engines.NoticeTemplates;

/// <summary>
/// The fields a notice template may read, as dotted paths (<c>authority.name</c>,
/// <c>data.applicant.familyName</c>); <c>[]</c> marks the items of a list (<c>data.partners[].name</c>).
/// The fixed fields of every notice are in <see cref="Common"/>; the case data fields come from the
/// form version's JSON Schema (<see cref="ForSchema"/>).
/// </summary>
internal sealed class NoticeFields
{
    /// <summary>The fields every notice has, whatever the form (docs/modules/cases.md lists them with examples).</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "authority.name", "authority.address_lines", "authority.contact_lines",
        "reference_number", "issued_on", "submitted_on",
        "form.key", "form.title", "form.version",
        "applicant.name",
        "decision.kind", "decision.title", "decision.text",
        "fee.amount", "fee.amount_eur", "fee.text", "fee.free",
        "legal_remedy",
        "data",
    ];

    private readonly HashSet<string> _paths;

    private NoticeFields(IEnumerable<string> paths)
    {
        _paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            // Every prefix is a field too: {{ authority }} and {% if data.permit %} read objects.
            var end = path.Length;
            while (end > 0)
            {
                _paths.Add(path[..end]);
                end = path.LastIndexOfAny(['.', '['], end - 1);
            }
        }

        Roots = [.. _paths.Where(p => !p.Contains('.', StringComparison.Ordinal) && !p.Contains('[', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The top-level names, sorted: what a problem lists as known.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>True when <paramref name="path"/> is a field (or a part of one).</summary>
    public bool Contains(string path) => _paths.Contains(path);

    /// <summary>
    /// The common fields and <c>data.*</c> for every property the schema declares: under
    /// <c>properties</c>, the <c>items</c> of arrays, and the subschemas of <c>allOf</c>,
    /// <c>anyOf</c>, <c>oneOf</c>, <c>if</c>/<c>then</c>/<c>else</c>, <c>$defs</c> referenced with a
    /// local <c>$ref</c> (<c>#/$defs/…</c>).
    /// </summary>
    /// <param name="schema">A JSON Schema 2020-12 object (the form version's).</param>
    public static NoticeFields ForSchema(JsonElement schema)
    {
        var paths = new List<string>(Common);
        Collect(schema, schema, "data", paths, depth: 0);
        return new NoticeFields(paths);
    }

    private static void Collect(JsonElement root, JsonElement schema, string path, List<string> paths, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 32)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer && pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            var target = root;
            foreach (var part in pointer[2..].Split('/'))
            {
                var name = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
                {
                    target = default;
                    break;
                }
            }

            Collect(root, target, path, paths, depth + 1);
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                var child = path + "." + property.Name;
                paths.Add(child);
                Collect(root, property.Value, child, paths, depth + 1);
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            paths.Add(path + "[]");
            Collect(root, items, path + "[]", paths, depth + 1);
        }

        foreach (var keyword in (string[])["allOf", "anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var sub in list.EnumerateArray())
                {
                    Collect(root, sub, path, paths, depth + 1);
                }
            }
        }

        foreach (var keyword in (string[])["if", "then", "else"])
        {
            if (schema.TryGetProperty(keyword, out var sub))
            {
                Collect(root, sub, path, paths, depth + 1);
            }
        }
    }
}
