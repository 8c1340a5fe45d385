using System.Text;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>
/// LinkedIn's "little" text format of a post's <c>commentary</c> (Posts API): mentions <c>@[Name](urn)</c> and
/// hashtag templates are markup, so the reserved characters <c>| { } @ [ ] ( ) &lt; &gt; # \ * _ ~</c> of plain text
/// must be escaped with a backslash — unescaped, LinkedIn cuts the published text at the first of them
/// (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format).
/// </summary>
internal static class LinkedInLittleText
{
    private const string Reserved = "|{}@[]()<>#\\*_~";

    /// <summary>
    /// <paramref name="text"/> with every reserved character escaped, except a <c>#</c> that starts a hashtag
    /// (<c>#</c> followed by a letter or digit: LinkedIn shows it as a hashtag, as the editor meant) and the
    /// characters inside URLs (escaping them would break the link).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 16);
        var urls = Urls(text);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            var inUrl = urls.Any(url => index >= url.Start && index < url.End);
            var startsHashtag = character == '#' && index + 1 < text.Length && char.IsLetterOrDigit(text[index + 1]);
            if (!inUrl && !startsHashtag && Reserved.Contains(character, StringComparison.Ordinal))
            {
                result.Append('\\');
            }

            result.Append(character);
        }

        return result.ToString();
    }

    private static List<(int Start, int End)> Urls(string text)
    {
        var found = new List<(int, int)>();
        foreach (var scheme in (string[])["https://", "http://"])
        {
            for (var start = text.IndexOf(scheme, StringComparison.OrdinalIgnoreCase); start >= 0; start = text.IndexOf(scheme, start + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = start;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                found.Add((start, end));
            }
        }

        return found;
    }
}
