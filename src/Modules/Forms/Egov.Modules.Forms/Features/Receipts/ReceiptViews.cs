namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>A stored receipt PDF: download names (ASCII fallback and UTF-8) and its ETag.</summary>
/// <param name="Pdf">The bytes as issued at submission.</param>
/// <param name="ETag">Strong entity tag: the first 32 hex digits of the PDF's SHA-256, quoted.</param>
/// <param name="ReferenceNumber">The application's reference number.</param>
/// <param name="Language"><c>de</c> or <c>en</c>.</param>
/// <param name="Kind">The document's name in the file name; null for the receipt (<c>Eingangsbestätigung</c>, <c>Receipt</c> in English).</param>
internal sealed record ReceiptFile(byte[] Pdf, string ETag, string ReferenceNumber, string Language, string? Kind = null)
{
    /// <summary>E.g. <c>Eingangsbestätigung-EGOV-2026-000042.pdf</c> (<c>Receipt-…</c> in English).</summary>
    public string FileName => $"{Kind ?? (Language == "en" ? "Receipt" : "Eingangsbestätigung")}-{ReferenceNumber}.pdf";

    /// <summary>The same name in ASCII for old clients (RFC 6266 §4.3): ä → ae, ö → oe, ü → ue, ß → ss, anything else outside ASCII → '_'.</summary>
    public string AsciiFileName => string.Concat(FileName
        .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal)
        .Replace("Ä", "Ae", StringComparison.Ordinal).Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ü", "Ue", StringComparison.Ordinal)
        .Replace("ß", "ss", StringComparison.Ordinal)
        .Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_'));
}

/// <summary>The answer of the verification: nothing personal.</summary>
/// <param name="Valid">True when a receipt with exactly this reference number and fingerprint was issued.</param>
/// <param name="ReferenceNumber">The reference number asked for.</param>
/// <param name="IssuedAt">When it was issued (UTC), only when valid.</param>
/// <param name="IssuedAtLocal">The same instant in Europe/Berlin, only when valid.</param>
/// <param name="Document">Which document it is, only when valid: <c>receipt</c> or <c>paymentConfirmation</c> (ADR 0028).</param>
internal sealed record ReceiptCheckResult(bool Valid, string ReferenceNumber, DateTimeOffset? IssuedAt, DateTimeOffset? IssuedAtLocal, string? Document = null)
{
    /// <summary>The value of <see cref="Document"/> for a receipt.</summary>
    public const string Receipt = "receipt";

    /// <summary>The value of <see cref="Document"/> for a payment confirmation.</summary>
    public const string PaymentConfirmation = "paymentConfirmation";
}

/// <summary>Helpers shared by the receipt reads.</summary>
internal static class Receipts
{
    public static ReceiptFile File(Domain.Receipt receipt) =>
        new(receipt.Pdf!, $"\"{receipt.PdfSha256![..32]}\"", receipt.ReferenceNumber, receipt.Language);
}
