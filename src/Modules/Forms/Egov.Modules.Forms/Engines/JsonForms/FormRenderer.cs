using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Egov.Modules.Forms.Engines.JsonForms;

/// <summary>A visible part of a form step: a labelled group or one input.</summary>
internal abstract record FormNode;

/// <summary>A JSON Forms <c>Group</c> (or plain layout, without label): a fieldset of its children.</summary>
internal sealed record GroupNode(string? Label, string? Description, IReadOnlyList<FormNode> Children) : FormNode;

/// <summary>One input, named by the JSON pointer of its value in the application data.</summary>
internal sealed record ControlNode(
    string Pointer, string Id, string Label, string? Description, ControlKind Kind, bool Required, string Value,
    IReadOnlyList<ChoiceOption> Options, string? Autocomplete, string? InputMode) : FormNode;

/// <summary>One choice of a <c>oneOf</c> of constants.</summary>
internal sealed record ChoiceOption(string Value, string Label);

/// <summary>How a control is rendered; dates are text in the visitor's notation (keyboard-friendly, no picker needed).</summary>
internal enum ControlKind
{
    Text,
    TextArea,
    Date,
    Email,
    Tel,
    Integer,
    Number,
    Checkbox,
    Radio,
    Select,
}

/// <summary>One step of a form (a JSON Forms <c>Category</c>) with what is visible for the data so far.</summary>
internal sealed record FormStep(string Label, IReadOnlyList<FormNode> Nodes)
{
    public IEnumerable<ControlNode> Controls => Flatten(Nodes);

    private static IEnumerable<ControlNode> Flatten(IEnumerable<FormNode> nodes) =>
        nodes.SelectMany(n => n switch
        {
            ControlNode c => [c],
            GroupNode g => Flatten(g.Children),
            _ => [],
        });
}

/// <summary>
/// Renders a form version's JSON Forms layout on the server: steps from the <c>Categorization</c>,
/// labels and help texts from the translations, inputs from the JSON Schema, and the layout's rules
/// evaluated on the data saved so far (the same evaluation the submission check uses), so
/// conditional sections appear without JavaScript once the answer they depend on is saved.
/// </summary>
internal sealed class FormRenderer
{
    private readonly JsonElement _translations;
    private readonly string _language;
    private readonly JsonNode _schema;
    private readonly IReadOnlyList<JsonElement> _steps;

    /// <param name="schema">The form's JSON Schema 2020-12.</param>
    /// <param name="uiLayout">The JSON Forms UI schema; a <c>Categorization</c> makes one step per category.</param>
    /// <param name="translations">JSON Forms i18n texts per language: <c>{ "de": { key: text }, "en": { … } }</c>.</param>
    /// <param name="language">The visitor's language (<c>de</c> or <c>en</c>); German fills in missing texts.</param>
    public FormRenderer(JsonElement schema, JsonElement uiLayout, JsonElement translations, string language)
    {
        _translations = translations;
        _language = language;
        _schema = JsonNode.Parse(schema.GetRawText())!;
        _steps = uiLayout.TryGetProperty("type", out var type) && type.GetString() == "Categorization"
            ? [.. uiLayout.GetProperty("elements").EnumerateArray()]
            : [uiLayout];
    }

    /// <summary>Number of steps of the layout (the attachments and submission step comes after them).</summary>
    public int StepCount => _steps.Count;

    public string StepLabel(int index) => Label(_steps[index]) ?? (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The step with the elements visible for <paramref name="data"/>.</summary>
    public FormStep Step(int index, JsonObject data) => new(StepLabel(index), Children(_steps[index], data));

    /// <summary>The step whose layout holds the field at <paramref name="pointer"/> (or a field inside it), visible or not.</summary>
    public int? StepOf(string pointer)
    {
        for (var i = 0; i < _steps.Count; i++)
        {
            foreach (var element in FormSchemas.LayoutElements(_steps[i]))
            {
                if (element.TryGetProperty("scope", out var scope) && scope.GetString() is { } s
                    && (PointerOf(s) == pointer || PointerOf(s).StartsWith(pointer + "/", StringComparison.Ordinal)))
                {
                    return i;
                }
            }
        }

        return null;
    }

    /// <summary>The label of the field at <paramref name="pointer"/>, for the error summary.</summary>
    public string? LabelOf(string pointer)
    {
        foreach (var element in _steps.SelectMany(FormSchemas.LayoutElements))
        {
            if (element.TryGetProperty("scope", out var scope) && scope.GetString() is { } s && PointerOf(s) == pointer)
            {
                return Label(element);
            }
        }

        return null;
    }

    /// <summary>
    /// The data with the posted values of the step's controls: empty inputs and unticked boxes
    /// remove the value; text that does not parse as the schema's type is kept as text, so that the
    /// submission check names the field.
    /// </summary>
    public static JsonObject Apply(JsonObject data, FormStep step, IFormCollection posted)
    {
        var result = (JsonObject)data.DeepClone();
        foreach (var control in step.Controls)
        {
            var raw = posted[control.Pointer].ToString().Trim();
            JsonNode? value = control.Kind switch
            {
                _ when raw.Length == 0 => null,
                ControlKind.Checkbox => raw == "true" ? JsonValue.Create(true) : null,
                ControlKind.Integer => long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(raw),
                ControlKind.Number => decimal.TryParse(raw.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(raw),
                ControlKind.Date => JsonValue.Create(ParseDate(raw)),
                ControlKind.Radio or ControlKind.Select when control.Options.Any(o => o.Value == raw) => ChoiceValue(raw),
                _ => JsonValue.Create(raw),
            };
            Set(result, control.Pointer, value);
        }

        return result;
    }

    public static string IdOf(string pointer) => "f" + pointer.Replace('/', '-');

    private List<FormNode> Children(JsonElement element, JsonObject data)
    {
        var nodes = new List<FormNode>();
        if (!element.TryGetProperty("elements", out var elements))
        {
            return nodes;
        }

        foreach (var child in elements.EnumerateArray())
        {
            if (child.TryGetProperty("rule", out var rule) && !JsonFormsData.IsVisible(rule, data))
            {
                continue;
            }

            var type = child.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "Control" && Control(child, data) is { } control)
            {
                nodes.Add(control);
            }
            else if (type == "Group")
            {
                nodes.Add(new GroupNode(Label(child), Description(child), Children(child, data)));
            }
            else if (type is "VerticalLayout" or "HorizontalLayout")
            {
                nodes.Add(new GroupNode(null, null, Children(child, data)));
            }
        }

        return nodes;
    }

    private ControlNode? Control(JsonElement element, JsonObject data)
    {
        var scope = element.GetProperty("scope").GetString()!;
        var declared = FormSchemas.Resolve(_schema, scope) as JsonObject;
        if (declared is null)
        {
            return null;
        }

        var schema = Dereference(declared);
        var pointer = PointerOf(scope);
        var options = element.TryGetProperty("options", out var o) ? o : default;
        var choices = (schema["oneOf"] as JsonArray)?.OfType<JsonObject>().Where(c => c.ContainsKey("const"))
            .Select(c => new ChoiceOption(
                c["const"]!.ToJsonString().Trim('"'),
                Text(c["i18n"]?.GetValue<string>()) ?? c["title"]?.GetValue<string>() ?? c["const"]!.ToJsonString().Trim('"')))
            .ToList() ?? [];
        var type = schema["type"]?.GetValue<string>();
        var format = schema["format"]?.GetValue<string>();
        var autocomplete = Option(options, "autocomplete");
        var kind = choices.Count > 0 ? (Option(options, "format") == "radio" || choices.Count <= 3 ? ControlKind.Radio : ControlKind.Select)
            : type == "boolean" ? ControlKind.Checkbox
            : type == "integer" ? ControlKind.Integer
            : type == "number" ? ControlKind.Number
            : format == "date" ? ControlKind.Date
            : format == "email" ? ControlKind.Email
            : autocomplete == "tel" ? ControlKind.Tel
            : options.ValueKind == JsonValueKind.Object && options.TryGetProperty("multi", out var multi) && multi.ValueKind == JsonValueKind.True ? ControlKind.TextArea
            : ControlKind.Text;

        var current = JsonFormsData.FindPointer(data, pointer);
        var value = current switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => kind == ControlKind.Date ? ShowDate(s) : s,
            _ => current.ToJsonString(),
        };

        return new ControlNode(
            pointer, IdOf(pointer), Label(element) ?? declared["title"]?.GetValue<string>() ?? schema["title"]?.GetValue<string>() ?? pointer,
            Description(element), kind, IsRequired(scope), value, choices, autocomplete, Option(options, "inputmode"));
    }

    private bool IsRequired(string scope)
    {
        var cut = scope.LastIndexOf("/properties/", StringComparison.Ordinal);
        var name = scope[(cut + "/properties/".Length)..];
        var parent = cut <= 1 ? _schema : FormSchemas.Resolve(_schema, scope[..cut]);
        return parent is JsonObject p && Dereference(p)["required"] is JsonArray required && required.Any(r => r?.GetValue<string>() == name);
    }

    private JsonObject Dereference(JsonObject node)
    {
        for (var depth = 0; depth < 10 && node["$ref"] is JsonValue reference && FormSchemas.Resolve(_schema, reference.GetValue<string>()) is JsonObject target; depth++)
        {
            node = target;
        }

        return node;
    }

    private string? Label(JsonElement element) =>
        Text(element.TryGetProperty("i18n", out var key) ? key.GetString() + ".label" : null)
        ?? (element.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String ? label.GetString() : null);

    private string? Description(JsonElement element) =>
        Text(element.TryGetProperty("i18n", out var key) ? key.GetString() + ".description" : null);

    private string? Text(string? key)
    {
        if (key is null)
        {
            return null;
        }

        foreach (var language in new[] { _language, "de" })
        {
            if (_translations.TryGetProperty(language, out var texts) && texts.TryGetProperty(key, out var text) && text.ValueKind == JsonValueKind.String)
            {
                return text.GetString();
            }
        }

        return null;
    }

    private static string? Option(JsonElement options, string name) =>
        options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string PointerOf(string scope) =>
        "/" + string.Join('/', scope.TrimStart('#', '/').Split('/').Where((_, i) => i % 2 == 1));

    private static JsonValue ChoiceValue(string raw) => raw switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ => JsonValue.Create(raw),
    };

    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>A date typed as <c>TT.MM.JJJJ</c> or ISO becomes ISO 8601; anything else stays as typed.</summary>
    private static string ParseDate(string raw) =>
        DateOnly.TryParseExact(raw, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : raw;

    private string ShowDate(string iso) =>
        _language == "de" && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : iso;

    private static void Set(JsonObject data, string pointer, JsonNode? value)
    {
        var path = pointer.TrimStart('/').Split('/');
        var node = data;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (node[path[i]] is not JsonObject next)
            {
                if (value is null)
                {
                    return;
                }

                next = [];
                node[path[i]] = next;
            }

            node = next;
        }

        if (value is null)
        {
            node.Remove(path[^1]);
        }
        else
        {
            node[path[^1]] = value;
        }
    }
}
