namespace Egov.Typesetting;

/// <summary>
/// One drawing step of a laid-out receipt page, in points from the page's top-left corner. The
/// layout (<see cref="ReceiptLayout"/>) produces them for all pages first, so the page count is known
/// before <see cref="ReceiptRenderer"/> draws anything ("Seite x von y").
/// </summary>
internal abstract record ReceiptPageOp;

/// <summary>A line of text whose baseline starts at (<paramref name="X"/>, <paramref name="Baseline"/>).</summary>
/// <param name="Text">Cleaned text (see <see cref="ReceiptTypesetter.Clean"/>) that fits its column.</param>
/// <param name="Style">Its style.</param>
/// <param name="X">Left edge in points.</param>
/// <param name="Baseline">Baseline in points from the top.</param>
/// <param name="Language">BCP 47 tag when it differs from the document's (English subtitles), else null.</param>
/// <param name="Artifact">Decoration without meaning of its own (a repeated table header), hidden from screen readers.</param>
internal sealed record ReceiptTextOp(string Text, ReceiptTextStyle Style, double X, double Baseline, string? Language = null, bool Artifact = false) : ReceiptPageOp;

/// <summary>A thin horizontal rule (always an artifact).</summary>
internal sealed record ReceiptRuleOp(double X1, double X2, double Y, double Thickness) : ReceiptPageOp;

/// <summary>The QR code of the verification address, a square of <paramref name="Size"/> points at (<paramref name="X"/>, <paramref name="Y"/>).</summary>
internal sealed record ReceiptQrOp(double X, double Y, double Size, string AltText) : ReceiptPageOp;

/// <summary>Opens a structure element of the tagged PDF (PDF/UA), closed by the matching <see cref="ReceiptEndTagOp"/>.</summary>
internal sealed record ReceiptBeginTagOp(ReceiptTag Tag) : ReceiptPageOp;

/// <summary>Closes the innermost open structure element.</summary>
internal sealed record ReceiptEndTagOp : ReceiptPageOp;

/// <summary>The structure types a receipt uses (ISO 32000-1, 14.8.4 standard structure types).</summary>
internal enum ReceiptTag
{
    /// <summary>Heading level 1 (the receipt's title).</summary>
    H1,

    /// <summary>Heading level 2 (a top-level section).</summary>
    H2,

    /// <summary>Heading level 3.</summary>
    H3,

    /// <summary>Heading level 4.</summary>
    H4,

    /// <summary>Paragraph.</summary>
    P,

    /// <summary>Table.</summary>
    Table,

    /// <summary>Table row.</summary>
    TR,

    /// <summary>Table header cell of a column (Scope Column).</summary>
    TH,

    /// <summary>Table header cell of a row (TH with Scope Row): the label of a label/value row.</summary>
    RowHeader,

    /// <summary>Table data cell.</summary>
    TD,
}
