using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Egov.Modules.Forms.Engines.JsonForms;

/// <summary>
/// Form data as JSON Forms sees it: values found by RFC 6901 JSON pointer or by a control's scope,
/// and layout rules evaluated on the data (the same evaluation for rendering and for checking).
/// </summary>
internal static class JsonFormsData
{
    /// <summary>
    /// Whether a JSON Forms rule (<c>{ "effect": "SHOW"|"HIDE", "condition": { "scope", "schema" } }</c>)
    /// leaves its element visible for <paramref name="data"/>; ENABLE/DISABLE and incomplete rules keep it visible.
    /// </summary>
    public static bool IsVisible(JsonElement rule, JsonObject data)
    {
        var effect = rule.TryGetProperty("effect", out var e) ? e.GetString() : "SHOW";
        if (!rule.TryGetProperty("condition", out var condition)
            || !condition.TryGetProperty("scope", out var scope)
            || !condition.TryGetProperty("schema", out var conditionSchema))
        {
            return true;
        }

        var value = Find(data, ScopePath(scope.GetString() ?? ""));
        var holds = value is not null && ConditionSchema(conditionSchema).Evaluate(JsonSerializer.SerializeToElement(value)).IsValid;
        return effect switch
        {
            "HIDE" => !holds,
            "SHOW" => holds,
            _ => true, // ENABLE/DISABLE keep the control visible
        };
    }

    private static JsonSchema ConditionSchema(JsonElement schema)
    {
        // Rule conditions carry no $schema; read them as 2020-12 like the form's schema.
        var node = JsonNode.Parse(schema.GetRawText())!;
        if (node is JsonObject obj && !obj.ContainsKey("$schema"))
        {
            obj["$schema"] = MetaSchemas.Draft202012Id.ToString();
        }

        return FormSchemas.Build(node.ToJsonString());
    }

    /// <summary><c>#/properties/a/properties/b</c> → <c>["a", "b"]</c>.</summary>
    public static string[] ScopePath(string scope) =>
        scope.TrimStart('#', '/').Split('/').Where((_, i) => i % 2 == 1).ToArray();

    /// <summary>The value at an RFC 6901 JSON pointer such as <c>/vehicle/isVehicleHolder</c>, or null.</summary>
    public static JsonNode? FindPointer(JsonObject? data, string pointer) =>
        data is null ? null : Find(data, [.. pointer.TrimStart('/').Split('/')
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))]);

    /// <summary>The value at a path of property names, or null.</summary>
    public static JsonNode? Find(JsonObject data, string[] path)
    {
        JsonNode? node = data;
        foreach (var segment in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var next) ? next : null;
        }

        return node;
    }
}
