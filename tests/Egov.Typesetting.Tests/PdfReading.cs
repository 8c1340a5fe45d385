using System.Text;
using Egov.Typesetting;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.Tokens;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Egov.Typesetting.Tests;

/// <summary>Reads rendered receipts back with PdfPig (text, letter positions, metadata) and ZXing (the QR code).</summary>
internal static class PdfReading
{
    /// <summary>Baselines below this height (PDF user space, from the bottom) belong to the footer.</summary>
    private const double FooterTop = ReceiptPageFlow.PageHeight - ReceiptPageFlow.Bottom;

    /// <summary>The text of the flowing content of all pages in drawing order, footers left out, without any whitespace.</summary>
    public static string BodyText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var builder = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => l.StartBaseLine.Y > FooterTop))
            {
                builder.Append(letter.Value);
            }
        }

        return Squash(builder.ToString());
    }

    /// <summary>Every page's full text (footer included), without whitespace.</summary>
    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Squash(string.Concat(p.Letters.Select(l => l.Value))))];
    }

    /// <summary>The text without any whitespace, so that words wrapped over lines still match.</summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Every letter with its page number.</summary>
    public static List<(int Page, Letter Letter, double Width, double Height)> Letters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(p => p.Letters.Select(l => (p.Number, l, p.Width, p.Height)))];
    }

    /// <summary>Every page's content stream operators, decoded, one per line.</summary>
    public static List<string> ContentStreams(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page =>
        {
            using var buffer = new MemoryStream();
            foreach (var operation in page.Operations)
            {
                operation.Write(buffer);
            }

            return Encoding.Latin1.GetString(buffer.ToArray());
        })];
    }

    /// <summary>The catalog's /Lang.</summary>
    public static string? Language(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Lang, out var lang) && lang is StringToken text ? text.Data : null;
    }

    /// <summary>Whether the catalog marks the document as tagged and has a structure tree.</summary>
    public static bool IsTagged(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        return catalog.ContainsKey(NameToken.StructTreeRoot)
            && catalog.TryGet(NameToken.MarkInfo, document.Structure.TokenScanner, out DictionaryToken? markInfo)
            && markInfo.TryGet(NameToken.Marked, out var marked) && marked is BooleanToken { Data: true };
    }

    /// <summary>The text of every QR code in the images of the PDF, decoded from the images' raw samples.</summary>
    public static List<string> QrCodes(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var texts = new List<string>();
        foreach (var image in document.GetPages().SelectMany(p => p.GetImages()))
        {
            var (luminance, width, height) = Luminance(image);
            var source = new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
            var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
            if (result is not null)
            {
                texts.Add(result.Text);
            }
        }

        return texts;
    }

    /// <summary>8-bit luminance of an image from its decoded samples (any bit depth, gray, RGB or indexed).</summary>
    private static (byte[] Luminance, int Width, int Height) Luminance(IPdfImage image)
    {
        Assert.True(image.TryGetBytesAsMemory(out var memory), "The image's samples cannot be decoded.");
        var samples = memory.ToArray();
        var colorSpace = image.ColorSpaceDetails!;
        var components = colorSpace.NumberOfColorComponents;
        var bits = image.BitsPerComponent;
        var width = image.WidthInSamples;
        var height = image.HeightInSamples;
        var rowBytes = ((width * components * bits) + 7) / 8;
        var max = (1 << bits) - 1;
        var luminance = new byte[width * height];
        var values = new double[components];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < components; c++)
                {
                    var bit = ((x * components) + c) * bits;
                    var b = samples[(y * rowBytes) + (bit / 8)];
                    var raw = bits == 8 ? b : (b >> (8 - bits - (bit % 8))) & max;
                    values[c] = colorSpace is IndexedColorSpaceDetails ? raw : (double)raw / max;
                }

                var (r, g, bl) = colorSpace.GetColor(values).ToRGBValues();
                luminance[(y * width) + x] = (byte)Math.Round(255 * ((0.299 * r) + (0.587 * g) + (0.114 * bl)));
            }
        }

        return (luminance, width, height);
    }
}
