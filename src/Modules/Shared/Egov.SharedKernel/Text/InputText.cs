using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Egov.SharedKernel.Text;

/// <summary>
/// The rule for text entering Egov from outside (issue 20): C0 control characters other than tab,
/// line feed and carriage return (U+0000–U+001F) and lone UTF-16 surrogates (U+D800–U+DFFF not in
/// a pair) are refused — they are no text a person writes, PostgreSQL refuses NUL in <c>text</c> and
/// <c>jsonb</c> and lone surrogates in <c>jsonb</c>, and a surrogate is no Unicode scalar value
/// (Unicode §3.9, RFC 8259 §8.2). Accepted text is brought to Unicode Normalization Form C
/// (UAX #15), so that "Mu\u0308ller" and "Müller" are the same name when compared and searched.
/// </summary>
public static class InputText
{
    /// <summary>Why <paramref name="value"/> cannot be accepted (a sentence for the problem response), or null when it can.</summary>
    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < ' ' && c is not '\t' and not '\n' and not '\r')
            {
                return string.Create(CultureInfo.InvariantCulture, $"Contains the control character U+{(int)c:X4}; only tab, line feed and carriage return are allowed.");
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"Contains a lone UTF-16 surrogate (\\u{(int)c:x4}), which is no character.");
            }
        }

        return null;
    }

    /// <summary><paramref name="value"/> in Unicode Normalization Form C; call only for text without a <see cref="Problem(string)"/>.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A text field read by an endpoint itself (a multipart form field of the API), under the same rule
    /// as bound JSON: null for a missing field, else the value in NFC.
    /// </summary>
    /// <exception cref="Errors.RequestValidationException"><paramref name="value"/> has a <see cref="Problem(string)"/>; names <paramref name="field"/>.</exception>
    public static string? Field(string? value, string field) =>
        value is null ? null
        : Problem(value) is { } problem ? throw new Errors.RequestValidationException(field, problem)
        : Normalize(value);

    /// <summary>
    /// Text from a source that cannot be asked again (an identity provider's claims): the characters
    /// <see cref="Problem(string)"/> refuses are dropped, the rest is brought to NFC.
    /// </summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Problem(value) is null)
        {
            return Normalize(value);
        }

        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                kept.Append(c).Append(value[++i]);
            }
            else if (!char.IsSurrogate(c) && (c >= ' ' || c is '\t' or '\n' or '\r'))
            {
                kept.Append(c);
            }
        }

        return Normalize(kept.ToString());
    }

    /// <summary>
    /// The forms of a search term to look for in text folded the same way: lower case (invariant) in
    /// NFC, and in NFD for text stored before input was normalised. One form when both are the same.
    /// </summary>
    public static IReadOnlyList<string> SearchForms(string term)
    {
        var folded = Clean(term).ToLowerInvariant();
        var decomposed = folded.Normalize(NormalizationForm.FormD);
        return decomposed == folded ? [folded] : [folded, decomposed];
    }

    /// <summary>
    /// The first string or member name in <paramref name="element"/> that cannot be accepted, as
    /// (JSON path relative to <paramref name="element"/>, e.g. <c>$.owner.name</c>, and the reason); null when all can.
    /// </summary>
    public static (string Path, string Reason)? Problem(JsonElement element) => Walk(element, "$");

    /// <summary>Whether some string or member name in <paramref name="element"/> (free of <see cref="Problem(JsonElement)"/>) is not in NFC.</summary>
    public static bool NeedsNormalizing(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => !element.GetString()!.IsNormalized(NormalizationForm.FormC),
        JsonValueKind.Array => element.EnumerateArray().Any(NeedsNormalizing),
        JsonValueKind.Object => element.EnumerateObject().Any(p => !p.Name.IsNormalized(NormalizationForm.FormC) || NeedsNormalizing(p.Value)),
        _ => false,
    };

    /// <summary>Writes <paramref name="element"/> with every string and member name in NFC (call only for elements free of <see cref="Problem(JsonElement)"/>).</summary>
    public static void WriteNormalized(JsonElement element, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(Normalize(element.GetString()!));
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteNormalized(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(Normalize(property.Name));
                    WriteNormalized(property.Value, writer);
                }

                writer.WriteEndObject();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static (string Path, string Reason)? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Text(() => element.GetString()!) is { } valueProblem ? (path, valueProblem) : null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = property;
                    if (Text(() => name.Name) is { } reason)
                    {
                        return ($"{path} (a member name)", reason);
                    }

                    if (Walk(property.Value, $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? Text(Func<string> read)
    {
        try
        {
            return Problem(read());
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape a lone surrogate (\ud800) into a string.
            return "Contains a lone UTF-16 surrogate escape (\\ud800–\\udfff without its pair), which is no character.";
        }
    }
}
