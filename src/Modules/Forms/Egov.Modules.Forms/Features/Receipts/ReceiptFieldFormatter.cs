using System.Globalization;
using System.Text;
using System.Text.Json;
using Egov.Modules.Forms.Engines.JsonForms;
using Egov.Typesetting;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Turns submitted values into the texts a receipt prints, guided by the form's schema and
/// translations: <c>oneOf</c> codes as their (translated) titles, booleans as Ja/Nein (Yes/No),
/// <c>format: date</c> as <c>dd.MM.yyyy</c> (English: <c>d MMMM yyyy</c>), <c>format: date-time</c> in
/// Europe/Berlin time, numbers with the language's decimal separator, objects (addresses) as one
/// <c>Label: value</c> line per property, arrays of values one per line, arrays of objects as tables.
/// </summary>
internal sealed class ReceiptFieldFormatter(ReceiptSchema schema, ReceiptTranslations texts)
{
    private const string Indent = "    ";

    private bool English => texts.Language == "en";

    /// <summary>Whether a value counts as entered: not null, not blank text, not an empty array or object.</summary>
    public static bool HasValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => false,
        JsonValueKind.String => !string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.EnumerateArray().Any(HasValue),
        JsonValueKind.Object => value.EnumerateObject().Any(p => HasValue(p.Value)),
        _ => true,
    };

    /// <summary>
    /// The label of a layout element (Control, Group, Category): its translation
    /// (<c>&lt;i18n&gt;.label</c>, the key defaulting to the schema's <c>i18n</c> or the dotted data path as
    /// in JSON Forms), then — in German — the element's own <c>label</c>, then the schema's <c>title</c>,
    /// then the German translation and label, then <paramref name="fallback"/>.
    /// </summary>
    public string? ElementLabel(JsonElement element, JsonElement? schemaNode, string? defaultKey, string? fallback)
    {
        var key = Text(element, "i18n") ?? schema.Keyword(schemaNode, "i18n") ?? defaultKey;
        var ownLabel = Text(element, "label");
        var label = texts.Get(key is null ? null : key + ".label")
            ?? (English ? null : ownLabel)
            ?? schema.Keyword(schemaNode, "title")
            ?? texts.German(key is null ? null : key + ".label")
            ?? ownLabel
            ?? fallback;
        return string.IsNullOrWhiteSpace(label) ? null : label;
    }

    /// <summary>The i18n key of a layout element, defaulting like <see cref="ElementLabel"/>.</summary>
    public string? ElementKey(JsonElement element, JsonElement? schemaNode, string? defaultKey) =>
        Text(element, "i18n") ?? schema.Keyword(schemaNode, "i18n") ?? defaultKey;

    /// <summary>The text of a value (lines separated by <c>\n</c>); <paramref name="key"/> is the field's i18n key for nested labels.</summary>
    public string Format(JsonElement? schemaNode, JsonElement value, string? key) => value.ValueKind switch
    {
        JsonValueKind.Object => FormatObject(schemaNode, value, key),
        JsonValueKind.Array => FormatArray(schemaNode, value, key),
        _ => FormatScalar(schemaNode, value),
    };

    /// <summary>
    /// A repeated group as a table: the columns of the control's <c>options.detail</c> layout (or, without
    /// one, the item schema's properties), plus a column for any other property the items carry.
    /// </summary>
    public ReceiptTable Table(ReceiptLabel caption, JsonElement? arraySchema, JsonElement items, JsonElement control, string? key)
    {
        var itemSchema = schema.Items(arraySchema);
        var columns = DetailColumns(control, itemSchema, key);
        var known = columns.Select(c => c.Property).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            foreach (var name in schema.PropertyNames(itemSchema).Concat(item.EnumerateObject().Select(p => p.Name)))
            {
                if (known.Add(name) && items.EnumerateArray().Any(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty(name, out var v) && HasValue(v)))
                {
                    columns.Add((PropertyLabel(itemSchema, name, key), name));
                }
            }
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var item in items.EnumerateArray().Where(HasValue))
        {
            rows.Add(item.ValueKind == JsonValueKind.Object
                ? [.. columns.Select(c => item.TryGetProperty(c.Property, out var v) && HasValue(v)
                    ? Format(schema.Property(itemSchema, c.Property), v, key is null ? null : $"{key}.{c.Property}")
                    : "")]
                : [.. columns.Select((_, i) => i == 0 ? Format(itemSchema, item, key) : "")]);
        }

        return new ReceiptTable(caption, [.. columns.Select(c => c.Label)], rows);
    }

    private List<(string Label, string Property)> DetailColumns(JsonElement control, JsonElement? itemSchema, string? key)
    {
        var columns = new List<(string Label, string Property)>();
        if (control.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("detail", out var detail))
        {
            foreach (var element in FormSchemas.LayoutElements(detail))
            {
                if (Text(element, "scope") is { } scope && ReceiptSchema.DataPath(scope) is [var property])
                {
                    var node = schema.Property(itemSchema, property);
                    var label = ElementLabel(element, node, key is null ? null : $"{key}.{property}", property)!;
                    columns.Add((label, property));
                }
            }
        }

        return columns;
    }

    private string FormatScalar(JsonElement? schemaNode, JsonElement value)
    {
        if (schema.Choice(schemaNode, value) is { } option)
        {
            var optionKey = Text(option, "i18n");
            var title = Text(option, "title");
            return texts.Get(optionKey) ?? (English ? null : title) ?? texts.German(optionKey) ?? title ?? RawText(value);
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return English ? "Yes" : "Ja";
            case JsonValueKind.False:
                return English ? "No" : "Nein";
            case JsonValueKind.Number:
                return ReceiptFormat.Number(value.GetRawText(), texts.Language);
            case JsonValueKind.String:
                var text = value.GetString()!;
                var format = schema.Keyword(schemaNode, "format");
                if (format == "date" && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return ReceiptFormat.Date(date, texts.Language);
                }

                if (format == "date-time" && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
                {
                    return ReceiptFormat.Instant(instant, texts.Language);
                }

                return text;
            default:
                return RawText(value);
        }
    }

    private string FormatObject(JsonElement? schemaNode, JsonElement value, string? key)
    {
        var names = schema.PropertyNames(schemaNode)
            .Where(n => value.TryGetProperty(n, out _))
            .Concat(value.EnumerateObject().Select(p => p.Name))
            .Distinct(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var name in names)
        {
            var property = value.GetProperty(name);
            if (!HasValue(property))
            {
                continue;
            }

            var text = Format(schema.Property(schemaNode, name), property, key is null ? null : $"{key}.{name}");
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(PropertyLabel(schemaNode, name, key)).Append(':');
            if (text.Contains('\n', StringComparison.Ordinal))
            {
                foreach (var line in text.Split('\n'))
                {
                    builder.Append('\n').Append(Indent).Append(line);
                }
            }
            else
            {
                builder.Append(' ').Append(text);
            }
        }

        return builder.ToString();
    }

    private string FormatArray(JsonElement? schemaNode, JsonElement value, string? key)
    {
        var itemSchema = schema.Items(schemaNode);
        var items = value.EnumerateArray().Where(HasValue).ToList();
        if (items.Any(i => i.ValueKind == JsonValueKind.Object))
        {
            // Objects nested below the level the layout shows as a table: numbered blocks.
            return string.Join('\n', items.Select((item, i) =>
                $"{i + 1}." + string.Concat(Format(itemSchema, item, key).Split('\n').Select(line => "\n" + Indent + line))));
        }

        return string.Join('\n', items.Select(item => Format(itemSchema, item, key)));
    }

    /// <summary>The label of an object's property: its translation, the schema title, the German translation, the name.</summary>
    private string PropertyLabel(JsonElement? objectSchema, string name, string? key)
    {
        var labelKey = key is null ? null : $"{key}.{name}.label";
        return texts.Get(labelKey)
            ?? schema.Keyword(schema.Property(objectSchema, name), "title")
            ?? texts.German(labelKey)
            ?? name;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string RawText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
