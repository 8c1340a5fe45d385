using System.Text.RegularExpressions;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>
/// The placeholders a crisis template may use, written in braces (<c>{Ort}</c>): the few facts a crisis team knows
/// only at the moment of warning. Anything else in braces is refused when the template is saved.
/// </summary>
internal static partial class TemplatePlaceholders
{
    /// <summary>Ort (place), Zeit (time), Datum (date), Gebiet (area), Straße (street).</summary>
    public static readonly IReadOnlyList<string> Known = ["Ort", "Zeit", "Datum", "Gebiet", "Straße"];

    /// <summary>Longest value a placeholder takes.</summary>
    public const int MaxValueLength = 200;

    /// <summary>The placeholder names in <paramref name="text"/>, in order of first use.</summary>
    public static IEnumerable<string> In(string text) => Pattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    /// <summary>Replaces each placeholder with its value (one pass: a value is never read as a placeholder itself).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Pattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([^{}\r\n]{1,50})\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
