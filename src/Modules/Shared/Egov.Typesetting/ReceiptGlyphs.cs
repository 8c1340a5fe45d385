using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Egov.Typesetting;

/// <summary>
/// Glyph metrics of the receipt fonts, cached process-wide: whether a face has a glyph for a code
/// point, its advance width in em, and the ascent. PDFsharp lays text out glyph by glyph without
/// kerning, so a line's width is the sum of its characters' advances (measured: identical to
/// <see cref="XGraphics.MeasureString(string, XFont)"/>), which makes layout cheap.
/// </summary>
internal static class ReceiptGlyphs
{
    private const double EmSize = 1000;

    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<int, double> RegularAdvances = new();
    private static readonly ConcurrentDictionary<int, double> BoldAdvances = new();
    private static readonly ConcurrentDictionary<int, bool> InLatinRegular = new();
    private static readonly ConcurrentDictionary<int, bool> InLatinBold = new();
    private static XGraphics? _measure;
    private static XFont? _regular;
    private static XFont? _bold;
    private static XFont? _latinRegular;
    private static XFont? _latinBold;

    /// <summary>Ascent of both faces in em (DejaVu Sans: 1901/2048).</summary>
    public static double Ascent { get; } = ComputeAscent();

    /// <summary>The advance width of a BMP code point in em, or a negative number when the face has no glyph for it.</summary>
    public static double Advance(bool bold, int codePoint)
    {
        var cache = bold ? BoldAdvances : RegularAdvances;
        if (cache.TryGetValue(codePoint, out var advance))
        {
            return advance;
        }

        lock (Gate)
        {
            var font = Font(bold);
            advance = GlyphHelper.GlyphIndexFromCodePoint(codePoint, font) == 0
                ? -1
                : _measure!.MeasureString(char.ConvertFromUtf32(codePoint), font).Width / EmSize;
            cache[codePoint] = advance;
            return advance;
        }
    }

    /// <summary>
    /// Whether the Latin face of the style (<see cref="ReceiptFontResolver.LatinFamilyName"/>) has a glyph
    /// for every character of <paramref name="text"/>, text that is printable in the full face already
    /// (see <see cref="ReceiptTypesetter.Clean"/>).
    /// </summary>
    public static bool FitsLatinFaces(bool bold, string text)
    {
        var cache = bold ? InLatinBold : InLatinRegular;
        foreach (var c in text)
        {
            // Printable ASCII is in both faces by construction; the rest asks the face once per character.
            if (c is >= ' ' and <= '~')
            {
                continue;
            }

            if (!cache.TryGetValue(c, out var found))
            {
                lock (Gate)
                {
                    found = GlyphHelper.GlyphIndexFromCodePoint(c, LatinFont(bold)) != 0;
                    cache[c] = found;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static double ComputeAscent()
    {
        lock (Gate)
        {
            var metrics = Font(bold: false).Metrics;
            return (double)metrics.Ascent / metrics.UnitsPerEm;
        }
    }

    // Callers hold Gate: PDFsharp's measuring context is not meant for concurrent use.
    private static XFont Font(bool bold)
    {
        ReceiptFontResolver.EnsureRegistered();
        _measure ??= XGraphics.CreateMeasureContext(new XSize(EmSize, EmSize), XGraphicsUnit.Point, XPageDirection.Downwards);
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        return bold
            ? _bold ??= new XFont(ReceiptFontResolver.FamilyName, EmSize, XFontStyleEx.Bold, options)
            : _regular ??= new XFont(ReceiptFontResolver.FamilyName, EmSize, XFontStyleEx.Regular, options);
    }

    // Callers hold Gate.
    private static XFont LatinFont(bool bold)
    {
        ReceiptFontResolver.EnsureRegistered();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        return bold
            ? _latinBold ??= new XFont(ReceiptFontResolver.LatinFamilyName, EmSize, XFontStyleEx.Bold, options)
            : _latinRegular ??= new XFont(ReceiptFontResolver.LatinFamilyName, EmSize, XFontStyleEx.Regular, options);
    }
}
