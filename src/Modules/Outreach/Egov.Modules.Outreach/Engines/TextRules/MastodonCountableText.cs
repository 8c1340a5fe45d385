using System.Text;
using System.Text.RegularExpressions;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>
/// Mastodon's <c>countable_text</c> (mastodon/mastodon <c>app/validators/status_length_validator.rb</c>): the
/// status text with every URL replaced by <c>'x' * characters_reserved_per_url</c> and every mention
/// <c>@user@domain</c> by <c>@user</c>, found as Mastodon finds them —
/// <c>Extractor.extract_urls_with_indices(str, extract_url_without_protocol: false)</c> and
/// <c>Extractor.extract_mentions_or_lists_with_indices(str)</c>, overlaps removed, earliest first.
/// </summary>
/// <remarks>
/// URLs follow Mastodon's override of twitter-text's <c>valid_url</c> (<c>config/initializers/twitter_regex.rb</c>):
/// a protocol is required (http, https and the others Mastodon lists), the preceding character must not be a
/// letter, digit, '@', '$' or '#', the host is dot-separated labels, then an optional port, a path that
/// may not end on <c>!*"'「」;:=,.$%[]~&amp;|@</c> and takes parentheses only balanced, and a query that must
/// end on a letter, digit or one of <c>_&amp;=#/-</c>. One simplification: any run of two or more letters
/// (or <c>xn--</c> punycode) passes as top-level domain, where twitter-text checks IANA's list.
/// Mentions follow <c>Account::MENTION_RE</c> (<c>app/models/account.rb</c>), dropped when followed by '@',
/// a Latin accented letter or "://" (twitter-text <c>end_mention_match</c>).
/// </remarks>
internal static partial class MastodonCountableText
{
    private const string DomainCharacter = @"[^\s\p{Cc}\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]";
    private const string Label = DomainCharacter + "(?:[_-]*" + DomainCharacter + ")*";

    /// <summary>
    /// The status text as Mastodon counts it. A blank text counts nothing (<c>return '' if str.blank?</c>).
    /// </summary>
    public static string Rewrite(string text, int charactersReservedPerUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(charactersReservedPerUrl);
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var placeholder = new string('x', charactersReservedPerUrl);
        var entities = new List<(int Start, int End, string Replacement)>();
        foreach (var (start, end) in Urls(text))
        {
            entities.Add((start, end, placeholder));
        }

        foreach (Match mention in Mention().Matches(text))
        {
            if (!EndsMention(text, mention.Index + mention.Length))
            {
                entities.Add((mention.Index, mention.Index + mention.Length, "@" + mention.Groups["user"].Value));
            }
        }

        // Extractor.remove_overlapping_entities: by start, and an entity overlapping the last one kept is dropped.
        entities.Sort((left, right) => left.Start.CompareTo(right.Start));
        var countable = new StringBuilder(text.Length);
        var copiedUpTo = 0;
        foreach (var (start, end, replacement) in entities)
        {
            if (start < copiedUpTo)
            {
                continue;
            }

            countable.Append(text, copiedUpTo, start - copiedUpTo).Append(replacement);
            copiedUpTo = end;
        }

        return countable.Append(text, copiedUpTo, text.Length - copiedUpTo).ToString();
    }

    /// <summary>The URLs Mastodon gives the length concession to, as [start, end) UTF-16 ranges.</summary>
    public static IEnumerable<(int Start, int End)> Urls(string text)
    {
        for (var match = UrlUpToPort().Match(text); match.Success; )
        {
            var end = PathAndQueryEnd(text, match.Index + match.Length);
            yield return (match.Index, end);
            match = UrlUpToPort().Match(text, end);
        }
    }

    private static int PathAndQueryEnd(string text, int position)
    {
        var end = position;
        if (end < text.Length && text[end] == '/')
        {
            end = PathEnd(text, end + 1);
        }

        if (end < text.Length && text[end] == '?')
        {
            end = QueryEnd(text, end);
        }

        return end;
    }

    // valid_url_path*: the longest run of path characters and balanced parentheses that ends on a
    // path-ending character or on balanced parentheses; a lone "/" is a path.
    private static int PathEnd(string text, int start)
    {
        var end = start;
        var position = start;
        while (position < text.Length)
        {
            var character = text[position];
            if (character == '(')
            {
                var afterParentheses = BalancedParenthesesEnd(text, position);
                if (afterParentheses < 0)
                {
                    break;
                }

                position = end = afterParentheses;
                continue;
            }

            if (!IsGeneralPathCharacter(character))
            {
                break;
            }

            position++;
            if (IsPathEndingCharacter(character))
            {
                end = position;
            }
        }

        return end;
    }

    // valid_url_balanced_parens: "(" path characters ")" with one nested level allowed; -1 when unbalanced.
    private static int BalancedParenthesesEnd(string text, int open)
    {
        var position = open + 1;
        var before = SkipGeneralPathCharacters(text, ref position);
        if (position < text.Length && text[position] == ')')
        {
            return before > 0 ? position + 1 : -1;
        }

        if (position >= text.Length || text[position] != '(')
        {
            return -1;
        }

        position++;
        if (SkipGeneralPathCharacters(text, ref position) == 0 || position >= text.Length || text[position] != ')')
        {
            return -1;
        }

        position++;
        SkipGeneralPathCharacters(text, ref position);
        return position < text.Length && text[position] == ')' ? position + 1 : -1;
    }

    private static int SkipGeneralPathCharacters(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && IsGeneralPathCharacter(text[position]))
        {
            position++;
        }

        return position - start;
    }

    // "?" valid_url_query_chars* valid_url_query_ending_chars; nothing when no ending character follows.
    private static int QueryEnd(string text, int questionMark)
    {
        var end = questionMark;
        for (var position = questionMark + 1; position < text.Length && IsQueryCharacter(text[position]); position++)
        {
            if (IsQueryEndingCharacter(text[position]))
            {
                end = position + 1;
            }
        }

        return end;
    }

    private static bool IsGeneralPathCharacter(char character) =>
        !char.IsWhiteSpace(character) && character is not ('<' or '>' or '(' or ')' or '?');

    private static bool IsPathEndingCharacter(char character) =>
        IsGeneralPathCharacter(character)
        && character is not ('!' or '*' or '"' or '\'' or '「' or '」' or ';' or ':' or '=' or ',' or '.' or '$' or '%' or '[' or ']' or '~' or '&' or '|' or '@');

    private static bool IsQueryCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || "!?*'();:&=+$/%#[]-_.,~|@^".Contains(character, StringComparison.Ordinal) || IsUrlUnicodeCharacter(character);

    private static bool IsQueryEndingCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '_' or '&' or '=' or '#' or '/' or '-' || IsUrlUnicodeCharacter(character);

    // Mastodon's UCHARS: U+00A0-U+D7FF, U+F900-U+FDCF, U+FDF0-U+FFEF and (as surrogate pairs) the planes above.
    private static bool IsUrlUnicodeCharacter(char character) =>
        character is (>= '\u00A0' and <= '\uD7FF') or (>= '\uF900' and <= '\uFDCF') or (>= '\uFDF0' and <= '\uFFEF')
        || char.IsSurrogate(character);

    // twitter-text end_mention_match: at signs, latin_accents, "://".
    private static bool EndsMention(string text, int end)
    {
        if (end >= text.Length)
        {
            return false;
        }

        var next = text[end];
        return next is '@' or '＠'
            or (>= '\u00C0' and <= '\u00D6') or (>= '\u00D8' and <= '\u00F6') or (>= '\u00F8' and <= '\u024F')
            or '\u0253' or '\u0254' or '\u0256' or '\u0257' or '\u0259' or '\u025B' or '\u0263' or '\u0268'
            or '\u026F' or '\u0272' or '\u0289' or '\u028B' or '\u02BB'
            or (>= '\u0300' and <= '\u036F') or (>= '\u1E00' and <= '\u1EFF')
            || text.AsSpan(end).StartsWith("://", StringComparison.Ordinal);
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9@＠$#＃])(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://(?:" + Label + @"\.)+(?:xn--[a-z0-9-]+|\p{L}{2,63})(?![0-9a-z@+-])(?::[0-9]+)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlUpToPort();

    // Account::MENTION_RE = (?<![=/[:word:]])@((USERNAME_RE)(?:@[[:word:]]+([.-]+[[:word:]]+)*)?),
    // USERNAME_RE = /[a-z0-9_]+([.-]+[a-z0-9_]+)*/i.
    [GeneratedRegex(@"(?<![=/\w])@(?<user>[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*)(?:@\w+(?:[.-]+\w+)*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
