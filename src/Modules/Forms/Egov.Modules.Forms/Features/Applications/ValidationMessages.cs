using System.Text.RegularExpressions;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// Citizen-facing messages for JSON Schema failures, in German (default) or English. JsonSchema.Net
/// reports English only; the keyword decides the German text. A missing required property is
/// reported at the property itself (<c>/holder/familyName</c>), not at its parent object.
/// </summary>
internal static partial class ValidationMessages
{
    public static IEnumerable<(string Pointer, string Message)> Describe(string pointer, string keyword, string english, string language)
    {
        if (keyword == "required" && RequiredNames().Match(english) is { Success: true } match)
        {
            foreach (var name in match.Groups[1].Value.Split(',').Select(n => n.Trim().Trim('"')).Where(n => n.Length > 0))
            {
                yield return ($"{pointer}/{name}", language == "de" ? "Bitte ausfüllen." : "Required.");
            }

            yield break;
        }

        yield return (pointer, language == "de" ? German(keyword) ?? english : english);
    }

    private static string? German(string keyword) => keyword switch
    {
        "type" => "Die Angabe hat die falsche Art (z. B. Text statt Zahl).",
        "maxLength" => "Der Text ist zu lang.",
        "minLength" => "Der Text ist zu kurz.",
        "pattern" => "Die Angabe hat nicht die erwartete Form.",
        "format" => "Die Angabe hat nicht das erwartete Format (ein Datum z. B. als JJJJ-MM-TT).",
        "enum" or "const" => "Dieser Wert ist hier nicht zulässig.",
        "minimum" or "exclusiveMinimum" => "Der Wert ist zu klein.",
        "maximum" or "exclusiveMaximum" => "Der Wert ist zu groß.",
        "minItems" => "Es fehlen Einträge.",
        "maxItems" => "Es sind zu viele Einträge.",
        "additionalProperties" or "unevaluatedProperties" or "false" => "Diese Angabe gehört nicht zu diesem Formular.",
        "oneOf" or "anyOf" => "Die Angaben passen zu keiner zulässigen Variante.",
        "not" => "Diese Kombination von Angaben ist nicht zulässig.",
        _ => null,
    };

    [GeneratedRegex(@"\[(.*)\]")]
    private static partial Regex RequiredNames();
}
