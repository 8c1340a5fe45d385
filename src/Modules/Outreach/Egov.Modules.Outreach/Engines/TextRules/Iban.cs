using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>
/// International Bank Account Numbers (ISO 13616): two letters of country, two check digits, then the
/// country's BBAN, with a fixed length per country and the ISO 7064 MOD 97-10 check.
/// </summary>
internal static class Iban
{
    /// <summary>
    /// IBAN length per country code, as the SWIFT IBAN Registry (the ISO 13616 registration authority)
    /// lists them, 2024/2025 releases: every SEPA country and every other registered one. Territories that
    /// use their parent's code (e.g. Réunion: FR, Åland: FI, Jersey: GB) need no entry.
    /// </summary>
    public static FrozenDictionary<string, int> LengthByCountry { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Upper case without separators, e.g. <c>de89 3704 0044\n0532-0130 00</c> → <c>DE89370400440532013000</c>:
    /// drops white space of any kind (spaces, no-break spaces, tabs, line breaks), invisible format characters
    /// (Unicode category Cf: zero-width space, soft hyphen, word joiner) and hyphens.
    /// </summary>
    public static string Normalize(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        return string.Concat(iban.Where(character => !IsBlank(character) && !IsHyphen(character))).ToUpperInvariant();
    }

    /// <summary>
    /// True when <paramref name="normalizedIban"/> (see <see cref="Normalize"/>) has a registered country
    /// code, that country's exact length, only ASCII letters and digits, and passes ISO 7064 MOD 97-10 (the
    /// first four characters moved to the end, letters as 10-35, the number mod 97 is 1). A string that
    /// passes mod 97 with another length than its country's is not an IBAN.
    /// </summary>
    public static bool IsValid(string normalizedIban)
    {
        ArgumentNullException.ThrowIfNull(normalizedIban);
        return normalizedIban.Length >= 4
            && LengthByCountry.TryGetValue(normalizedIban[..2], out var length)
            && normalizedIban.Length == length
            && char.IsAsciiDigit(normalizedIban[2]) && char.IsAsciiDigit(normalizedIban[3])
            && normalizedIban.All(character => char.IsAsciiDigit(character) || char.IsAsciiLetterUpper(character))
            && Mod97(normalizedIban[4..] + normalizedIban[..4]) == 1;
    }

    /// <summary>
    /// The IBANs in a text, in every notation people write them: either case, the usual groups of four or
    /// none, separated by any run of white space (several spaces, no-break spaces, tabs, a line break — an
    /// IBAN wrapped at the end of a line), by invisible format characters (zero-width space, soft hyphen,
    /// copied from web pages and PDFs) or by one hyphen. At a word start (so <c>IBAN:DE89…</c> is found), a
    /// registered country code, then letters and digits up to that country's length, not followed by a
    /// further letter or digit, passing <see cref="IsValid"/>: the country's length and MOD 97-10 keep other
    /// numbers (phone numbers, amounts, reference numbers) out. Punctuation other than a hyphen, or a word,
    /// between the digits ends a candidate.
    /// </summary>
    public static IEnumerable<(int Index, int Length, string Normalized)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        while (position <= text.Length - 4)
        {
            if (TryReadAt(text, position, out var end, out var normalized))
            {
                yield return (position, end - position, normalized);
                position = end;
            }
            else
            {
                position++;
            }
        }
    }

    /// <summary>The start of an IBAN for messages that must not repeat it: <c>DE89 3704 …</c>.</summary>
    public static string Shorten(string normalizedIban)
    {
        ArgumentNullException.ThrowIfNull(normalizedIban);
        return normalizedIban.Length <= 8 ? normalizedIban : $"{normalizedIban[..4]} {normalizedIban[4..8]} …";
    }

    private static bool TryReadAt(string text, int start, out int end, out string normalized)
    {
        end = start;
        normalized = string.Empty;
        if ((start > 0 && char.IsLetterOrDigit(text[start - 1]))
            || !char.IsAsciiLetter(text[start]) || !char.IsAsciiLetter(text[start + 1])
            || !LengthByCountry.TryGetValue(text.Substring(start, 2).ToUpperInvariant(), out var length))
        {
            return false;
        }

        var iban = new StringBuilder(length);
        var position = start;
        while (iban.Length < length && position < text.Length)
        {
            var character = text[position];
            if (char.IsAsciiLetterOrDigit(character))
            {
                iban.Append(char.ToUpperInvariant(character));
                position++;
                continue;
            }

            // A separator counts only between two characters of the IBAN: a trailing one belongs to the text.
            var next = iban.Length > 0 ? SkipSeparator(text, position) : position;
            if (next == position || next >= text.Length || !char.IsAsciiLetterOrDigit(text[next]))
            {
                break;
            }

            position = next;
        }

        if (iban.Length != length || (position < text.Length && char.IsLetterOrDigit(text[position])))
        {
            return false;
        }

        normalized = iban.ToString();
        end = position;
        return IsValid(normalized);
    }

    /// <summary>The position after a separator at <paramref name="position"/>: blanks, at most one hyphen, blanks.</summary>
    private static int SkipSeparator(string text, int position)
    {
        position = SkipBlanks(text, position);
        return position < text.Length && IsHyphen(text[position]) ? SkipBlanks(text, position + 1) : position;
    }

    private static int SkipBlanks(string text, int position)
    {
        while (position < text.Length && IsBlank(text[position]))
        {
            position++;
        }

        return position;
    }

    private static bool IsBlank(char character) =>
        char.IsWhiteSpace(character) || CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format;

    // HYPHEN-MINUS, HYPHEN, NON-BREAKING HYPHEN; a dash (U+2013) is punctuation between words, not in numbers.
    private static bool IsHyphen(char character) => character is '-' or '\u2010' or '\u2011';

    private static int Mod97(string rearranged)
    {
        var remainder = 0;
        foreach (var character in rearranged)
        {
            remainder = char.IsAsciiDigit(character)
                ? ((remainder * 10) + (character - '0')) % 97
                : ((remainder * 100) + (character - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
