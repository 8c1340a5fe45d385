using System.Text.RegularExpressions;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>Hashtags in a text as the platforms recognise them.</summary>
internal static partial class Hashtags
{
    /// <summary>
    /// The hashtags in <paramref name="text"/>: a <c>#</c> (or the full-width <c>＃</c>) not preceded by a letter, digit,
    /// <c>_</c> or <c>&amp;</c> (so <c>a#b</c> and <c>&amp;#39;</c> are none), followed by letters, digits, marks or
    /// <c>_</c>; URLs' fragments are left out. Each occurrence counts, repeated tags too (Instagram counts them so).
    /// </summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutUrls = Url().Replace(text, " ");
        return Tag().Count(withoutUrls);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_&])[#＃][\p{L}\p{M}\p{N}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
