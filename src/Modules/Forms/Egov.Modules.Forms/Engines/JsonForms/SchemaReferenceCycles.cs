using System.Text.Json;

namespace Egov.Modules.Forms.Engines.JsonForms;

/// <summary>
/// Finds a <c>$ref</c> cycle that never moves on in the data: a subschema that, through <c>$ref</c>s
/// and the in-place applicators (<c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>not</c>, <c>if</c>,
/// <c>then</c>, <c>else</c>, <c>dependentSchemas</c>), applies itself again at the same place of the
/// instance. JSON Schema 2020-12 (Core, §9.4.1) calls such a schema invalid — evaluating it never ends —
/// and JsonSchema.Net 8 recurses on it until the process's stack overflows, taking the host down.
/// Recursion through <c>properties</c>, <c>items</c> and the other applicators that step into the
/// data (a tree of nested objects) is allowed: each step consumes instance.
/// </summary>
internal static class SchemaReferenceCycles
{
    private static readonly string[] InPlaceLists = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] InPlaceSingles = ["not", "if", "then", "else"];
    private static readonly string[] ChildMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
    private static readonly string[] ChildSingles = ["additionalProperties", "items", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties"];
    private static readonly string[] ChildLists = ["prefixItems"];

    /// <summary>
    /// The JSON pointer (<c>#/$defs/a</c>) of a subschema that applies itself again without consuming
    /// instance, or null when there is none. Only local references (<c>#</c>, <c>#/…</c>) are followed;
    /// others are left to the schema library, which refuses what it cannot resolve. Never throws.
    /// </summary>
    public static string? Find(JsonElement root)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        foreach (var (pointer, node) in Subschemas(root, "#"))
        {
            if (Visit(root, pointer, node, state, 0) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>Depth-first over the in-place edges; a node met again while on the path closes a cycle.</summary>
    private static string? Visit(JsonElement root, string pointer, JsonElement node, Dictionary<string, bool> state, int depth)
    {
        if (state.TryGetValue(pointer, out var done))
        {
            return done ? null : pointer;
        }

        if (depth > 256)
        {
            // Deeper than any form needs: report it rather than recurse further.
            return pointer;
        }

        state[pointer] = false;
        foreach (var (next, target) in InPlace(root, pointer, node))
        {
            if (Visit(root, next, target, state, depth + 1) is { } cycle)
            {
                return cycle;
            }
        }

        state[pointer] = true;
        return null;
    }

    private static IEnumerable<(string Pointer, JsonElement Node)> InPlace(JsonElement root, string pointer, JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (node.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String
            && Target(root, reference.GetString()!) is { } target)
        {
            yield return target;
        }

        foreach (var keyword in InPlaceLists)
        {
            if (node.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    yield return ($"{pointer}/{keyword}/{index++}", item);
                }
            }
        }

        foreach (var keyword in InPlaceSingles)
        {
            if (node.TryGetProperty(keyword, out var single))
            {
                yield return ($"{pointer}/{keyword}", single);
            }
        }

        if (node.TryGetProperty("dependentSchemas", out var dependent) && dependent.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in dependent.EnumerateObject())
            {
                yield return ($"{pointer}/dependentSchemas/{Escape(property.Name)}", property.Value);
            }
        }
    }

    /// <summary>Every subschema of the document with its pointer, the root first.</summary>
    private static IEnumerable<(string Pointer, JsonElement Node)> Subschemas(JsonElement node, string pointer)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        yield return (pointer, node);
        var children = new List<(string, JsonElement)>();
        foreach (var keyword in ChildMaps)
        {
            if (node.TryGetProperty(keyword, out var map) && map.ValueKind == JsonValueKind.Object)
            {
                children.AddRange(map.EnumerateObject().Select(p => ($"{pointer}/{keyword}/{Escape(p.Name)}", p.Value)));
            }
        }

        foreach (var keyword in ChildSingles.Concat(InPlaceSingles))
        {
            if (node.TryGetProperty(keyword, out var single))
            {
                children.Add(($"{pointer}/{keyword}", single));
            }
        }

        foreach (var keyword in ChildLists.Concat(InPlaceLists))
        {
            if (node.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                children.AddRange(list.EnumerateArray().Select((item, i) => ($"{pointer}/{keyword}/{i}", item)));
            }
        }

        foreach (var (childPointer, child) in children)
        {
            foreach (var found in Subschemas(child, childPointer))
            {
                yield return found;
            }
        }
    }

    /// <summary>The node a local reference points at, with its pointer as written here; null when it is not local or leads nowhere.</summary>
    private static (string Pointer, JsonElement Node)? Target(JsonElement root, string reference)
    {
        if (reference == "#")
        {
            return ("#", root);
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var node = root;
        var pointer = "#";
        foreach (var raw in reference[2..].Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(segment, out var next))
            {
                node = next;
            }
            else if (node.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < node.GetArrayLength())
            {
                node = node[index];
            }
            else
            {
                return null;
            }

            pointer += "/" + Escape(segment);
        }

        return (pointer, node);
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
