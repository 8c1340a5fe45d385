using PdfSharp.Drawing;

namespace Egov.Typesetting;

/// <summary>A text style of the receipt: DejaVu Sans regular or bold, a size in points and a colour.</summary>
/// <param name="Bold">Bold face.</param>
/// <param name="Size">Font size in points (1/72 inch).</param>
/// <param name="Color">Text colour.</param>
internal sealed record ReceiptTextStyle(bool Bold, double Size, XColor Color)
{
    /// <summary>Distance between baselines in points: 1.25 × size (DejaVu's own line spacing is 1.164 em).</summary>
    public double LineHeight => Size * 1.25;

    /// <summary>The styles a receipt uses.</summary>
    internal static class Of
    {
        private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
        private static readonly XColor Muted = XColor.FromArgb(0x4D, 0x4D, 0x4D);
        private static readonly XColor Faint = XColor.FromArgb(0x6B, 0x6B, 0x6B);

        /// <summary>The authority's name in the letterhead: bold 11 pt.</summary>
        public static ReceiptTextStyle Authority { get; } = new(true, 11, Ink);

        /// <summary>Address and contact lines of the letterhead: 8.5 pt, muted.</summary>
        public static ReceiptTextStyle AuthorityLine { get; } = new(false, 8.5, Muted);

        /// <summary>The title „Eingangsbestätigung“: bold 18 pt.</summary>
        public static ReceiptTextStyle Title { get; } = new(true, 18, Ink);

        /// <summary>The title's English subtitle: 11 pt, faint.</summary>
        public static ReceiptTextStyle TitleSubtitle { get; } = new(false, 11, Faint);

        /// <summary>Headings of top-level sections (H2): bold 12.5 pt.</summary>
        public static ReceiptTextStyle Heading1 { get; } = new(true, 12.5, Ink);

        /// <summary>Headings of groups (H3): bold 10.5 pt.</summary>
        public static ReceiptTextStyle Heading2 { get; } = new(true, 10.5, Ink);

        /// <summary>Headings of nested groups (H4): bold 9.5 pt, muted.</summary>
        public static ReceiptTextStyle Heading3 { get; } = new(true, 9.5, Muted);

        /// <summary>English subtitles of headings: 8 pt, faint.</summary>
        public static ReceiptTextStyle HeadingSubtitle { get; } = new(false, 8, Faint);

        /// <summary>Running text (introduction, verification): 9.5 pt.</summary>
        public static ReceiptTextStyle Body { get; } = new(false, 9.5, Ink);

        /// <summary>English subtitles of running text: 8 pt, faint.</summary>
        public static ReceiptTextStyle BodySubtitle { get; } = new(false, 8, Faint);

        /// <summary>Field labels: 9 pt, muted (the same size as values, so that baselines line up).</summary>
        public static ReceiptTextStyle Label { get; } = new(false, 9, Muted);

        /// <summary>Field values: 9 pt.</summary>
        public static ReceiptTextStyle Value { get; } = new(false, 9, Ink);

        /// <summary>English subtitles of labels: 7.5 pt, faint.</summary>
        public static ReceiptTextStyle LabelSubtitle { get; } = new(false, 7.5, Faint);

        /// <summary>Column headers of tables: bold 8.5 pt.</summary>
        public static ReceiptTextStyle TableHeader { get; } = new(true, 8.5, Ink);

        /// <summary>Table cells: 8.5 pt.</summary>
        public static ReceiptTextStyle TableCell { get; } = new(false, 8.5, Ink);

        /// <summary>The fingerprint (64 hex digits on one line of the verification block): 8.5 pt.</summary>
        public static ReceiptTextStyle Fingerprint { get; } = new(false, 8.5, Ink);

        /// <summary>The page footer: 7.5 pt, faint.</summary>
        public static ReceiptTextStyle Footer { get; } = new(false, 7.5, Faint);
    }
}
