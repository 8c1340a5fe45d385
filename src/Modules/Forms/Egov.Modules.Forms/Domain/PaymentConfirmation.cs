using System.Security.Cryptography;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// The payment confirmation (Zahlungsbestätigung) of a fee paid after submission (ADR 0028): the
/// receipt is immutable and was issued before the money moved, so the payment gets a document of its
/// own. Issued once per payment when Payments reports it paid, from the values the report carried;
/// the PDF is rendered in that transaction and stored, so every download returns the same bytes.
/// Fingerprinted like the receipt (SHA-256 of the canonical JSON of what it confirms) and verifiable
/// at the receipts' verification address.
/// </summary>
internal sealed class PaymentConfirmation
{
    private PaymentConfirmation()
    {
    }

    /// <summary>The payment (Payments module); one confirmation per payment.</summary>
    public Guid PaymentId { get; private set; }

    /// <summary>The application whose fee was paid.</summary>
    public Guid ApplicationId { get; private set; }

    /// <summary>The application's reference number, e.g. <c>EGOV-2026-000042</c>.</summary>
    public string ReferenceNumber { get; private set; } = "";

    /// <summary>The amount paid in euro cents (integer, EUR).</summary>
    public long AmountCents { get; private set; }

    /// <summary>The payment provider, e.g. <c>stripe</c>.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The provider's reference of the money movement (Stripe: <c>pi_…</c>); null when it gave none.</summary>
    public string? ProviderReference { get; private set; }

    /// <summary>When the provider confirmed the payment (UTC).</summary>
    public DateTimeOffset PaidAt { get; private set; }

    /// <summary>When the confirmation was issued (UTC).</summary>
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary><c>de</c> or <c>en</c>: the applicant's language.</summary>
    public string Language { get; private set; } = "de";

    /// <summary>SHA-256 (64 lowercase hex digits) of the canonical JSON of what it confirms (RFC 8785), printed on it.</summary>
    public string Fingerprint { get; private set; } = "";

    /// <summary>The PDF as issued.</summary>
    public byte[] Pdf { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="Pdf"/>, 64 lowercase hex digits: the download's ETag.</summary>
    public string PdfSha256 { get; private set; } = "";

    /// <summary>What the confirmation states.</summary>
    public PaidFee Paid => new(PaymentId, AmountCents, Provider, ProviderReference, PaidAt);

    /// <summary>A confirmation of <paramref name="paid"/> for the application with <paramref name="referenceNumber"/>, with its PDF.</summary>
    public static PaymentConfirmation Issue(
        Guid applicationId, string referenceNumber, PaidFee paid, string language, string fingerprint, DateTimeOffset issuedAt, byte[] pdf) => new()
    {
        PaymentId = paid.PaymentId,
        ApplicationId = applicationId,
        ReferenceNumber = referenceNumber,
        AmountCents = paid.AmountCents,
        Provider = paid.Provider,
        ProviderReference = paid.Reference,
        PaidAt = paid.PaidAt,
        IssuedAt = issuedAt,
        Language = language,
        Fingerprint = fingerprint,
        Pdf = pdf,
        PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
    };
}
