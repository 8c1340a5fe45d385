using System.Globalization;
using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;

/// <summary>
/// Splits a plain text that is too long for one Telegram message into parts of at most a given number of
/// characters as Telegram counts them (<see cref="TextLength.Telegram"/>: code points of the text after
/// entity parsing, i.e. before HTML escaping).
/// </summary>
/// <remarks>
/// Each part ends at the last boundary that fits, preferring, in this order: a paragraph (<c>"\n\n"</c>), a
/// line break, the end of a sentence (<c>. ! ? …</c> followed by white space), any white space, and last a
/// grapheme cluster boundary (an emoji is never cut). The boundary's white space is dropped, so the parts
/// joined with it give the text again (paragraphs: joined with <c>"\n\n"</c>). Splitting the plain text and
/// escaping each part afterwards (<see cref="TelegramHtml.Escape"/>) can never cut an HTML entity.
/// </remarks>
internal static class TelegramTextSplitter
{
    public static IReadOnlyList<string> Split(string plainText, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 1);
        var parts = new List<string>();
        var rest = plainText;
        while (TextLength.Telegram(rest) > maxCharacters)
        {
            var limit = IndexAfterCodePoints(rest, maxCharacters);
            var (end, next) = Cut(rest, limit);
            parts.Add(rest[..end]);
            rest = rest[next..];
        }

        parts.Add(rest);
        return parts;
    }

    /// <summary>The UTF-16 index just after the first <paramref name="codePoints"/> code points.</summary>
    private static int IndexAfterCodePoints(string text, int codePoints)
    {
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (codePoints-- == 0)
            {
                break;
            }

            index += rune.Utf16SequenceLength;
        }

        return index;
    }

    /// <summary>Where the part that must end at or before <paramref name="limit"/> ends, and where the rest begins.</summary>
    private static (int End, int Next) Cut(string text, int limit)
    {
        // The boundary's separator may start at the limit itself: the part still fits.
        var window = text[..Math.Min(text.Length, limit + 2)];
        var paragraph = window.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph > 0 && paragraph <= limit)
        {
            return (paragraph, paragraph + 2);
        }

        var line = window.LastIndexOf('\n', Math.Min(limit, window.Length - 1));
        if (line > 0)
        {
            return (line, line + 1);
        }

        for (var index = Math.Min(limit, window.Length - 1); index > 1; index--)
        {
            if (char.IsWhiteSpace(window[index]) && window[index - 1] is '.' or '!' or '?' or '…')
            {
                return (index, index + 1);
            }
        }

        for (var index = Math.Min(limit, window.Length - 1); index > 0; index--)
        {
            if (char.IsWhiteSpace(window[index]))
            {
                return (index, index + 1);
            }
        }

        var end = LastGraphemeBoundary(text, limit);
        return (end, end);
    }

    private static int LastGraphemeBoundary(string text, int limit)
    {
        var boundary = 0;
        while (boundary < text.Length)
        {
            var next = boundary + StringInfo.GetNextTextElementLength(text, boundary);
            if (next > limit)
            {
                break;
            }

            boundary = next;
        }

        // One cluster longer than a whole part: cut between code points.
        if (boundary == 0)
        {
            boundary = limit;
            if (boundary < text.Length && char.IsLowSurrogate(text[boundary]))
            {
                boundary--;
            }
        }

        return boundary;
    }
}
