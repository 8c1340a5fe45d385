using PdfSharp.Drawing;

namespace Egov.Modules.Forms.Features.Receipts;

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

        public static ReceiptTextStyle Authority { get; } = new(true, 11, Ink);
        public static ReceiptTextStyle AuthorityLine { get; } = new(false, 8.5, Muted);
        public static ReceiptTextStyle Title { get; } = new(true, 18, Ink);
        public static ReceiptTextStyle TitleSubtitle { get; } = new(false, 11, Faint);
        public static ReceiptTextStyle Heading1 { get; } = new(true, 12.5, Ink);
        public static ReceiptTextStyle Heading2 { get; } = new(true, 10.5, Ink);
        public static ReceiptTextStyle Heading3 { get; } = new(true, 9.5, Muted);
        public static ReceiptTextStyle HeadingSubtitle { get; } = new(false, 8, Faint);
        public static ReceiptTextStyle Body { get; } = new(false, 9.5, Ink);
        public static ReceiptTextStyle BodySubtitle { get; } = new(false, 8, Faint);
        public static ReceiptTextStyle Label { get; } = new(false, 9, Muted);
        public static ReceiptTextStyle Value { get; } = new(false, 9, Ink);
        public static ReceiptTextStyle LabelSubtitle { get; } = new(false, 7.5, Faint);
        public static ReceiptTextStyle TableHeader { get; } = new(true, 8.5, Ink);
        public static ReceiptTextStyle TableCell { get; } = new(false, 8.5, Ink);
        public static ReceiptTextStyle Fingerprint { get; } = new(false, 8.5, Ink);
        public static ReceiptTextStyle Footer { get; } = new(false, 7.5, Faint);
    }
}
