using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Egov.Typesetting;

/// <summary>
/// Makes arbitrary submitted text printable with the receipt fonts and breaks it into lines.
/// <list type="bullet">
/// <item>CR, CRLF, U+0085, U+2028 and U+2029 become line breaks; tabs become spaces; other control
/// and format characters (zero-width joiners, bidi marks, soft hyphens, BOM) are dropped.</item>
/// <item>A character the font has no glyph for (CJK, most symbols) becomes U+FFFD (� — or <c>?</c> if a
/// face lacked that too), with one warning per character and renderer. So do all characters outside
/// the Basic Multilingual Plane (emoji): PDFsharp 6.2.4 writes their text mapping (ToUnicode) wrongly,
/// so they would print but not extract, copy or read aloud.</item>
/// <item>Right-to-left text (Arabic, Hebrew) is printed in logical order without shaping.</item>
/// <item>Lines break at spaces; a word longer than the line breaks between characters (grapheme
/// clusters; after <c>/ ? &amp; = - _ . @</c> where one lies in the second half of the line), so no text
/// ever runs past the given width. Leading spaces of a line indent it.</item>
/// </list>
/// </summary>
internal sealed class ReceiptTypesetter(ILogger logger, ConcurrentDictionary<int, bool> warned)
{
    private const char Replacement = '\uFFFD';

    /// <summary>Characters after which an over-long word (a URL, an e-mail address, a file name) breaks best.</summary>
    private static readonly SearchValues<char> BreakAfter = SearchValues.Create("/?&=-_.@,;:");

    /// <summary>The width of a cleaned text in points.</summary>
    public static double Width(string text, ReceiptTextStyle style)
    {
        double em = 0;
        foreach (var c in text)
        {
            em += Math.Max(0, ReceiptGlyphs.Advance(style.Bold, c));
        }

        return em * style.Size;
    }

    /// <summary>The distance from a line's top to its baseline, in points.</summary>
    public static double Ascent(ReceiptTextStyle style) => ReceiptGlyphs.Ascent * style.Size;

    /// <summary>The text with every character printable in the style's face (see the type's remarks); <c>\n</c> separates lines.</summary>
    public string Clean(string text, bool bold)
    {
        var builder = new StringBuilder(text.Length);
        var previousWasCarriageReturn = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value == '\n' && previousWasCarriageReturn)
            {
                previousWasCarriageReturn = false;
                continue;
            }

            previousWasCarriageReturn = value == '\r';
            if (value is '\r' or '\n' or 0x85 or 0x2028 or 0x2029)
            {
                builder.Append('\n');
            }
            else if (value == '\t')
            {
                builder.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }
            else if (!rune.IsBmp || ReceiptGlyphs.Advance(bold, value) < 0)
            {
                Warn(value);
                builder.Append(ReceiptGlyphs.Advance(bold, Replacement) < 0 ? '?' : Replacement);
            }
            else
            {
                builder.Append((char)value);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text cleaned and broken into lines no wider than <paramref name="width"/> points, each with its
    /// indent in points (from leading spaces). Runs of empty lines count as one; a text without any
    /// visible character gives no lines.
    /// </summary>
    public List<(string Text, double Indent)> Wrap(string text, ReceiptTextStyle style, double width)
    {
        var lines = new List<(string Text, double Indent)>();
        var space = Width(" ", style);
        foreach (var paragraph in Clean(text, style.Bold).Split('\n'))
        {
            var content = paragraph.TrimStart(' ');
            if (content.Trim().Length == 0)
            {
                if (lines.Count > 0 && lines[^1].Text.Length > 0)
                {
                    lines.Add(("", 0));
                }

                continue;
            }

            var indent = Math.Min((paragraph.Length - content.Length) * space, width / 3);
            var available = width - indent;
            var line = new StringBuilder();
            double lineWidth = 0;
            foreach (var word in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = Width(word, style);
                if (line.Length > 0 && lineWidth + space + wordWidth <= available)
                {
                    line.Append(' ').Append(word);
                    lineWidth += space + wordWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add((line.ToString(), indent));
                    line.Clear();
                    lineWidth = 0;
                }

                if (wordWidth <= available)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                    continue;
                }

                // Longer than a whole line: break between grapheme clusters, after a URL separator where
                // one lies in the line's second half (…/verify? | reference=…).
                var enumerator = StringInfo.GetTextElementEnumerator(word);
                while (enumerator.MoveNext())
                {
                    var element = enumerator.GetTextElement();
                    var elementWidth = Width(element, style);
                    if (line.Length > 0 && lineWidth + elementWidth > available)
                    {
                        var full = line.ToString();
                        var cut = full.AsSpan().LastIndexOfAny(BreakAfter) + 1;
                        cut = cut > full.Length / 2 && cut < full.Length ? cut : full.Length;
                        lines.Add((full[..cut], indent));
                        line.Clear().Append(full[cut..]);
                        lineWidth = Width(full[cut..], style);
                    }

                    line.Append(element);
                    lineWidth += elementWidth;
                }
            }

            if (line.Length > 0)
            {
                lines.Add((line.ToString(), indent));
            }
        }

        while (lines.Count > 0 && lines[^1].Text.Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private void Warn(int codePoint)
    {
        if (warned.TryAdd(codePoint, true))
        {
            logger.LogWarning(
                "Receipt text contains U+{CodePoint}, which receipts cannot print (no glyph in the embedded font, or outside the Basic Multilingual Plane); printed as U+FFFD",
                codePoint.ToString("X4", CultureInfo.InvariantCulture));
        }
    }
}
