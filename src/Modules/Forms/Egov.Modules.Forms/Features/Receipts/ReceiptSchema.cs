using System.Text.Json;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Read-only navigation of a form's JSON Schema 2020-12 for the receipt: JSON Forms scopes, local
/// <c>$ref</c>s (<c>#/$defs/…</c>, followed up to 10 deep), titles, formats and <c>oneOf</c> choices.
/// Nodes are returned as found (not dereferenced), so a <c>title</c> next to a <c>$ref</c> wins over the
/// referenced schema's title, as JSON Schema 2020-12 annotations do.
/// </summary>
internal sealed class ReceiptSchema(JsonElement root)
{
    /// <summary>How many <c>$ref</c>s one resolution follows in all, nested ones included (ends a cycle).</summary>
    private const int MaxReferences = 32;

    /// <summary>The whole schema (the data's root object).</summary>
    public JsonElement Root => root;

    /// <summary>The node a JSON Forms scope (<c>#/properties/a/properties/b</c>) points at, or null.</summary>
    public JsonElement? Resolve(string scope) => Resolve(root, scope);

    /// <summary>The node a scope points at below <paramref name="start"/> (for array item details), or null.</summary>
    public JsonElement? Resolve(JsonElement start, string scope)
    {
        var budget = MaxReferences;
        return Resolve(start, scope, ref budget);
    }

    private JsonElement? Resolve(JsonElement start, string scope, ref int budget)
    {
        if (!scope.StartsWith("#/", StringComparison.Ordinal))
        {
            return scope == "#" ? start : null;
        }

        JsonElement? node = start;
        foreach (var segment in scope[2..].Split('/'))
        {
            var target = Deref(node.Value, ref budget);
            if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(Unescape(segment), out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    /// <summary>The data path of a scope: the names after each <c>properties</c> (<c>#/properties/a/properties/b</c> → a, b).</summary>
    public static IReadOnlyList<string> DataPath(string scope)
    {
        var segments = scope.TrimStart('#').Trim('/').Split('/');
        var path = new List<string>();
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i - 1] == "properties")
            {
                path.Add(Unescape(segments[i]));
            }
        }

        return path;
    }

    /// <summary>
    /// The schema a node stands for after following its <c>$ref</c>s; the node itself when it has none,
    /// and the last node reached when a reference does not resolve or after
    /// <see cref="MaxReferences"/> references in all (a cycle).
    /// </summary>
    public JsonElement Deref(JsonElement node)
    {
        var budget = MaxReferences;
        return Deref(node, ref budget);
    }

    private JsonElement Deref(JsonElement node, ref int budget)
    {
        while (node.ValueKind == JsonValueKind.Object
            && node.TryGetProperty("$ref", out var reference)
            && reference.ValueKind == JsonValueKind.String
            && --budget >= 0)
        {
            var target = Resolve(root, reference.GetString()!, ref budget);
            if (target is null)
            {
                break;
            }

            node = target.Value;
        }

        return node;
    }

    /// <summary>The subschema of property <paramref name="name"/> of an object schema, or null.</summary>
    public JsonElement? Property(JsonElement? node, string name) =>
        node is { } n && Deref(n) is { ValueKind: JsonValueKind.Object } target
            && target.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty(name, out var property)
            ? property
            : null;

    /// <summary>The property names an object schema declares, in their order in the schema.</summary>
    public IEnumerable<string> PropertyNames(JsonElement? node) =>
        node is { } n && Deref(n) is { ValueKind: JsonValueKind.Object } target
            && target.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(p => p.Name)
            : [];

    /// <summary>The item schema of an array schema, or null.</summary>
    public JsonElement? Items(JsonElement? node) =>
        node is { } n && Deref(n) is { ValueKind: JsonValueKind.Object } target
            && target.TryGetProperty("items", out var items)
            && items.ValueKind == JsonValueKind.Object
            ? items
            : null;

    /// <summary>A string keyword (<c>title</c>, <c>format</c>, <c>i18n</c>) on the node or, failing that, along its <c>$ref</c>s.</summary>
    public string? Keyword(JsonElement? node, string keyword)
    {
        if (node is not { } current)
        {
            return null;
        }

        for (var depth = 0; depth <= MaxReferences && current.ValueKind == JsonValueKind.Object; depth++)
        {
            if (current.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            if (!current.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String
                || Resolve(root, reference.GetString()!) is not { } next)
            {
                return null;
            }

            current = next;
        }

        return null;
    }

    /// <summary>
    /// The <c>oneOf</c> (or <c>anyOf</c>) option whose <c>const</c> equals <paramref name="value"/>, looked
    /// up on the node and along its <c>$ref</c>s; null when the schema offers no such choice.
    /// </summary>
    public JsonElement? Choice(JsonElement? node, JsonElement value)
    {
        if (node is not { } current)
        {
            return null;
        }

        for (var depth = 0; depth <= MaxReferences && current.ValueKind == JsonValueKind.Object; depth++)
        {
            foreach (var keyword in (string[])["oneOf", "anyOf"])
            {
                if (!current.TryGetProperty(keyword, out var options) || options.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var option in options.EnumerateArray())
                {
                    if (option.ValueKind == JsonValueKind.Object && option.TryGetProperty("const", out var constant)
                        && JsonElement.DeepEquals(constant, value))
                    {
                        return option;
                    }
                }
            }

            if (!current.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String
                || Resolve(root, reference.GetString()!) is not { } next)
            {
                return null;
            }

            current = next;
        }

        return null;
    }

    /// <summary>RFC 6901: <c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>.</summary>
    private static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
