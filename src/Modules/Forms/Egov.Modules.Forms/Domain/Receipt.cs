namespace Egov.Modules.Forms.Domain;

/// <summary>
/// The receipt (Eingangsbestätigung) issued at submission: the PDF as rendered once, stored so that
/// every download returns the same bytes, and the fingerprint anyone can verify it by.
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

    /// <summary>The PDF.</summary>
    public byte[] Pdf { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="Pdf"/>, lowercase hex; the download's ETag.</summary>
    public string PdfSha256 { get; private set; } = "";

    public static Receipt Issue(Guid applicationId, string referenceNumber, string fingerprint, DateTimeOffset issuedAt, string language, byte[] pdf) => new()
    {
        ApplicationId = applicationId,
        ReferenceNumber = referenceNumber,
        Fingerprint = fingerprint,
        IssuedAt = issuedAt,
        Language = language,
        Pdf = pdf,
        PdfSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
    };
}
