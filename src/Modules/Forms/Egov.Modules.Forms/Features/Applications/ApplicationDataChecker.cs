using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Engines.JsonForms;
using Egov.Modules.Forms.Features.Catalog;
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
    private static readonly ConditionalWeakTable<FormContent, JsonSchema> ByContent = [];

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
            Remove(cleaned, JsonFormsData.ScopePath(scope));
        }

        var schema = SchemaOf(content);
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

    /// <summary>
    /// The schema of a form version's content. A published version is held once in memory
    /// (<see cref="PublishedFormVersions"/>), so its schema is found by the content object itself,
    /// without turning the schema into text (about 50 KB for GewA 1) and hashing and comparing that
    /// text on every submission; other contents fall back to <see cref="FormSchemas.Build(string)"/>.
    /// </summary>
    private static JsonSchema SchemaOf(FormContent content) =>
        ByContent.GetValue(content, static c => FormSchemas.Build(c.Schema.GetRawText()));

    /// <summary>Scopes of every control inside a layout element whose rule hides it for this data.</summary>
    private static IEnumerable<string> HiddenScopes(JsonElement layout, JsonObject data)
    {
        foreach (var element in FormSchemas.LayoutElements(layout))
        {
            if (!element.TryGetProperty("rule", out var rule) || JsonFormsData.IsVisible(rule, data))
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

    private static void Remove(JsonObject data, string[] path)
    {
        if (path.Length == 0)
        {
            return;
        }

        if (JsonFormsData.Find(data, path[..^1]) is JsonObject parent && parent.Remove(path[^1]) && parent.Count == 0)
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
