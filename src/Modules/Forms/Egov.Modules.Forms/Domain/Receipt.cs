namespace Egov.Modules.Forms.Domain;

/// <summary>
/// The receipt (Eingangsbestätigung) issued at submission. The submission's transaction stores what
/// the receipt states (reference number, fingerprint, instant, language, the authority and the
/// verification address as printed), so verification works from the moment of the answer; the PDF
/// is rendered from that right after commit (<see cref="IsRendered"/>) and stored once, so every
/// download returns the same bytes.
/// </summary>
internal sealed class Receipt
{
    private Receipt()
    {
    }

    /// <summary>The application (one receipt per application).</summary>
    public Guid ApplicationId { get; private set; }

    /// <summary>Its reference number, e.g. <c>EGOV-2026-000042</c>.</summary>
    public string ReferenceNumber { get; private set; } = "";

    /// <summary>SHA-256 (64 lowercase hex digits) of the canonical JSON of the frozen submission (RFC 8785).</summary>
    public string Fingerprint { get; private set; } = "";

    /// <summary>When it was issued (UTC): the submission instant.</summary>
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary><c>de</c> or <c>en</c>.</summary>
    public string Language { get; private set; } = "de";

    /// <summary>
    /// The issuing authority as configured at submission, as JSON (<c>{"name","addressLines","contactLines"}</c>);
    /// null for receipts rendered at submission (before migration <c>ReceiptsAfterCommit</c>).
    /// </summary>
    public string? Authority { get; private set; }

    /// <summary>The verification address printed on the receipt and in its QR code; null as <see cref="Authority"/>.</summary>
    public string? VerificationUrl { get; private set; }

    /// <summary>The PDF; null until it is rendered (within moments of the commit).</summary>
    public byte[]? Pdf { get; private set; }

    /// <summary>SHA-256 of <see cref="Pdf"/>, lowercase hex; the download's ETag. Null until rendered.</summary>
    public string? PdfSha256 { get; private set; }

    /// <summary>The fee payment the receipt confirms (paid before submission); null when the fee was not paid before filing.</summary>
    public Guid? FeePaymentId { get; private set; }

    /// <summary>The amount paid, in euro cents (integer, EUR).</summary>
    public long? FeePaidCents { get; private set; }

    /// <summary>The payment provider, e.g. <c>stripe</c>.</summary>
    public string? FeeProvider { get; private set; }

    /// <summary>The provider's reference of the money movement (Stripe: <c>pi_…</c>).</summary>
    public string? FeeReference { get; private set; }

    /// <summary>When the provider confirmed the payment (UTC).</summary>
    public DateTimeOffset? FeePaidAt { get; private set; }

    /// <summary>The payment the receipt prints, as stored at submission; null when none.</summary>
    public PaidFee? PaidFee => FeePaymentId is { } id && FeePaidCents is { } cents && FeePaidAt is { } at
        ? new PaidFee(id, cents, FeeProvider ?? "", FeeReference, at)
        : null;

    /// <summary>True once the PDF is stored.</summary>
    public bool IsRendered => Pdf is not null;

    /// <summary>
    /// A receipt whose PDF is still to be rendered from the stored submission and these settings;
    /// <paramref name="paidFee"/> is the fee payment made before submission, printed on it.
    /// </summary>
    public static Receipt Issue(
        Guid applicationId, string referenceNumber, string fingerprint, DateTimeOffset issuedAt, string language, string authority, Uri verificationUrl,
        PaidFee? paidFee = null) => new()
    {
        FeePaymentId = paidFee?.PaymentId,
        FeePaidCents = paidFee?.AmountCents,
        FeeProvider = paidFee?.Provider,
        FeeReference = paidFee?.Reference,
        FeePaidAt = paidFee?.PaidAt,
        ApplicationId = applicationId,
        ReferenceNumber = referenceNumber,
        Fingerprint = fingerprint,
        IssuedAt = issuedAt,
        Language = language,
        Authority = authority,
        VerificationUrl = verificationUrl.AbsoluteUri,
    };

    /// <summary>This (untracked) receipt with its PDF, as just stored.</summary>
    public Receipt WithPdf(byte[] pdf, string pdfSha256)
    {
        Pdf = pdf;
        PdfSha256 = pdfSha256;
        return this;
    }

    /// <summary>SHA-256 of a PDF, lowercase hex.</summary>
    public static string Hash(byte[] pdf) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
}

/// <summary>A fee payment as a document (receipt, payment confirmation) prints it: stored values, never read live.</summary>
/// <param name="PaymentId">The payment (Payments module).</param>
/// <param name="AmountCents">Amount in euro cents (integer, EUR).</param>
/// <param name="Provider">The provider's name, e.g. <c>stripe</c>.</param>
/// <param name="Reference">The provider's reference of the money movement (Stripe: <c>pi_…</c>); null when the provider gave none.</param>
/// <param name="PaidAt">When the provider confirmed the payment (UTC).</param>
internal sealed record PaidFee(Guid PaymentId, long AmountCents, string Provider, string? Reference, DateTimeOffset PaidAt);
