using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Egov.Modules.Forms.Engines.JsonForms;

/// <summary>
/// JSON Schema 2020-12 and JSON Forms UI-layout helpers: building schemas once per text, listing
/// layout elements, resolving scopes, and evaluating layout rules on data.
/// </summary>
internal static class FormSchemas
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonSchema>> Built = new(StringComparer.Ordinal);
    private static readonly Lock BuildLock = new();

    /// <summary>
    /// The schema built from its text, once per distinct text. Building is the expensive part of a
    /// check, and JsonSchema.Net 8 registers every built schema in its global registry, so building
    /// per request would also grow the heap with every submission. Published versions never change,
    /// so the cache holds one entry per form version (plus the small rule conditions).
    /// </summary>
    public static JsonSchema Build(string text) => Built.GetOrAdd(text, static t => new Lazy<JsonSchema>(() => BuildUncached(t))).Value;

    /// <summary>
    /// Builds a schema without caching (administrators' drafts). Serialised: JsonSchema.Net 8 keeps
    /// its global schema registry in a plain dictionary, which concurrent builds can corrupt.
    /// </summary>
    public static JsonSchema BuildUncached(string text)
    {
        lock (BuildLock)
        {
            return JsonSchema.FromText(text);
        }
    }

    /// <summary>Formats (date, email, …) are asserted, not just annotated: a wrong date is an error.</summary>
    public static EvaluationOptions EvaluationOptions { get; } = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    /// <summary>(instance location as JSON pointer, message) for every failing leaf of a result.</summary>
    public static IEnumerable<(string Location, string Message)> Errors(EvaluationResults results) =>
        results.IsValid
            ? []
            : new[] { results }.Concat(results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => (d.InstanceLocation.ToString(), e.Value)))
                .Distinct();

    /// <summary>Every element of a JSON Forms UI schema, depth first.</summary>
    public static IEnumerable<JsonElement> LayoutElements(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        yield return element;
        if (element.TryGetProperty("elements", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray().SelectMany(LayoutElements))
            {
                yield return child;
            }
        }
    }

    /// <summary>
    /// How many <c>$ref</c>s one resolution follows in all, nested ones included: a cycle
    /// (<c>{"$ref": "#/nope"}</c> at the root, two definitions naming each other) ends there instead of
    /// recursing until the stack overflows.
    /// </summary>
    private const int MaxReferences = 32;

    /// <summary>
    /// The schema node a JSON Forms scope (<c>#/properties/a/properties/b</c>) points at, following
    /// local <c>$ref</c>s (<c>#/$defs/…</c>) on the way; null when there is none, when a <c>$ref</c> is
    /// not a string, or after <see cref="MaxReferences"/> references (a cycle).
    /// </summary>
    public static JsonNode? Resolve(JsonNode root, string scope)
    {
        var budget = MaxReferences;
        return Resolve(root, scope, ref budget);
    }

    private static JsonNode? Resolve(JsonNode root, string scope, ref int budget)
    {
        if (!scope.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var segment in scope[2..].Split('/'))
        {
            node = Dereference(root, node, ref budget);
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out var next)
                ? next
                : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static JsonNode? Dereference(JsonNode root, JsonNode? node, ref int budget)
    {
        while (node is JsonObject obj && obj["$ref"] is JsonValue reference)
        {
            if (--budget < 0 || !reference.TryGetValue<string>(out var target))
            {
                return null;
            }

            node = Resolve(root, target, ref budget);
        }

        return node;
    }
}
