using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.FormDocuments;
using Json.Schema;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// Checks submitted form data on the server the way the form's client renders it: text is
/// NFC-normalised and stripped of control characters (line breaks and tabs stay); sections the UI
/// layout hides under the entered data (JSON Forms rules) are dropped, so their fields are neither
/// required nor stored; then the data must satisfy the version's JSON Schema 2020-12.
/// </summary>
internal static class ApplicationDataChecker
{
    /// <summary>The cleaned data, or the errors keyed by JSON pointer (RFC 6901) of the field.</summary>
    public static (JsonObject? Cleaned, Dictionary<string, string[]> Errors) Check(FormContent content, JsonElement data, string language)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            errors["data"] = [language == "de" ? "Die Antragsdaten müssen ein JSON-Objekt sein." : "The application data must be a JSON object."];
            return (null, errors);
        }

        var cleaned = (JsonObject)Clean(JsonNode.Parse(data.GetRawText()))!;
        foreach (var scope in HiddenScopes(content.UiLayout, cleaned))
        {
            Remove(cleaned, ToPointer(scope));
        }

        var schema = FormSchemas.Build(content);
        var options = new EvaluationOptions
        {
            OutputFormat = OutputFormat.Hierarchical,
            RequireFormatValidation = true,
        };
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(cleaned), options);
        if (!result.IsValid)
        {
            foreach (var (pointer, message) in Failures(result).SelectMany(f => ValidationMessages.Describe(f.Pointer, f.Keyword, f.Message, language)).Distinct())
            {
                var key = pointer.Length == 0 ? "/" : pointer;
                errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
            }
        }

        return errors.Count == 0 ? (cleaned, errors) : (null, errors);
    }

    /// <summary>
    /// Errors of failing nodes whose parents failed too: a branch that failed inside a passing
    /// <c>if</c>, <c>anyOf</c> or <c>oneOf</c> is not the citizen's mistake and is not reported.
    /// </summary>
    private static IEnumerable<(string Pointer, string Keyword, string Message)> Failures(EvaluationResults node)
    {
        if (node.IsValid)
        {
            yield break;
        }

        if (node.Errors is { Count: > 0 } own)
        {
            foreach (var (keyword, message) in own)
            {
                yield return (node.InstanceLocation.ToString(), keyword, message);
            }
        }

        foreach (var child in node.Details ?? [])
        {
            // A failing "if" only selects "else"; it is never the citizen's mistake.
            if (child.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var failure in Failures(child))
            {
                yield return failure;
            }
        }
    }

    /// <summary>Scopes of every control inside a layout element whose rule hides it for this data.</summary>
    private static IEnumerable<string> HiddenScopes(JsonElement layout, JsonObject data)
    {
        foreach (var element in FormSchemas.LayoutElements(layout))
        {
            if (!element.TryGetProperty("rule", out var rule) || IsVisible(rule, data))
            {
                continue;
            }

            foreach (var control in FormSchemas.LayoutElements(element))
            {
                if (control.TryGetProperty("scope", out var scope) && scope.GetString() is { } path)
                {
                    yield return path;
                }
            }
        }
    }

    internal static bool IsVisible(JsonElement rule, JsonObject data)
    {
        var effect = rule.TryGetProperty("effect", out var e) ? e.GetString() : "SHOW";
        if (!rule.TryGetProperty("condition", out var condition)
            || !condition.TryGetProperty("scope", out var scope)
            || !condition.TryGetProperty("schema", out var conditionSchema))
        {
            return true;
        }

        var value = Find(data, ToPointer(scope.GetString() ?? ""));
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
    private static string[] ToPointer(string scope) =>
        scope.TrimStart('#', '/').Split('/').Where((_, i) => i % 2 == 1).ToArray();

    /// <summary>The value at an RFC 6901 JSON pointer such as <c>/vehicle/isVehicleHolder</c>, or null.</summary>
    internal static JsonNode? FindPointer(JsonObject? data, string pointer) =>
        data is null ? null : Find(data, [.. pointer.TrimStart('/').Split('/')
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))]);

    private static JsonNode? Find(JsonObject data, string[] path)
    {
        JsonNode? node = data;
        foreach (var segment in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var next) ? next : null;
        }

        return node;
    }

    private static void Remove(JsonObject data, string[] path)
    {
        if (path.Length == 0)
        {
            return;
        }

        if (Find(data, path[..^1]) is JsonObject parent && parent.Remove(path[^1]) && parent.Count == 0)
        {
            // A section whose every field was hidden disappears as a whole, as if never entered.
            Remove(data, path[..^1]);
        }
    }

    /// <summary>The data with every string NFC-normalised and stripped of control characters (line breaks and tabs stay).</summary>
    internal static JsonElement CleanElement(JsonElement data) =>
        JsonSerializer.SerializeToElement(Clean(JsonNode.Parse(data.GetRawText())));

    private static JsonNode? Clean(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Clean(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray([.. array.Select(i => Clean(i?.DeepClone()))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(CleanText(text)),
        _ => node?.DeepClone(),
    };

    /// <summary>NFC; control characters other than line feed, carriage return and tab removed.</summary>
    internal static string CleanText(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
