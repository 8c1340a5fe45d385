using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>The receipt of one of the caller's submitted applications.</summary>
internal sealed record GetReceiptQuery(Applicant Applicant, Guid ApplicationId) : IQuery<ReceiptFile>;

/// <summary>Whether a receipt with exactly this reference number and fingerprint was issued (anonymous).</summary>
internal sealed record VerifyReceiptQuery(string? Reference, string? Fingerprint) : IQuery<ReceiptCheckResult>;

/// <summary>A stored receipt PDF: download names (ASCII fallback and UTF-8) and its ETag.</summary>
/// <param name="Pdf">The bytes as issued at submission.</param>
/// <param name="ETag">Strong entity tag: the first 32 hex digits of the PDF's SHA-256, quoted.</param>
/// <param name="ReferenceNumber">The application's reference number.</param>
/// <param name="Language"><c>de</c> or <c>en</c>.</param>
internal sealed record ReceiptFile(byte[] Pdf, string ETag, string ReferenceNumber, string Language)
{
    /// <summary>E.g. <c>Eingangsbestätigung-EGOV-2026-000042.pdf</c> (<c>Receipt-…</c> in English).</summary>
    public string FileName => $"{(Language == "en" ? "Receipt" : "Eingangsbestätigung")}-{ReferenceNumber}.pdf";

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
internal sealed record ReceiptCheckResult(bool Valid, string ReferenceNumber, DateTimeOffset? IssuedAt, DateTimeOffset? IssuedAtLocal);

/// <summary>Reads receipts: the applicant's download and the public verification.</summary>
internal sealed class ReceiptQueryHandlers(FormsDbContext db, ReceiptPdfs pdfs) :
    IQueryHandler<GetReceiptQuery, ReceiptFile>,
    IQueryHandler<VerifyReceiptQuery, ReceiptCheckResult>
{
    public async ValueTask<ReceiptFile> Handle(GetReceiptQuery query, CancellationToken cancellationToken)
    {
        var owned = await db.Applications.AsNoTracking()
            .AnyAsync(a => a.Id == query.ApplicationId && a.ApplicantSubject == query.Applicant.Subject, cancellationToken);
        // Rendered here when the download comes before the background render (moments after the
        // answer): the applicant always gets the PDF, the same bytes as every later download.
        var receipt = owned ? await pdfs.RenderedAsync(query.ApplicationId, cancellationToken) : null;
        return receipt is null
            ? throw new NotFoundException($"There is no receipt for application {query.ApplicationId}; a receipt is issued when the application is submitted.")
            : Receipts.File(receipt);
    }

    public async ValueTask<ReceiptCheckResult> Handle(VerifyReceiptQuery query, CancellationToken cancellationToken)
    {
        // Exactly as printed: reference numbers keep the case of their configured prefix.
        var reference = query.Reference!.Trim();
        var fingerprint = query.Fingerprint!.Trim().ToLowerInvariant();
        var issuedAt = await db.Receipts.AsNoTracking()
            .Where(r => r.ReferenceNumber == reference && r.Fingerprint == fingerprint)
            .Select(r => (DateTimeOffset?)r.IssuedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new ReceiptCheckResult(issuedAt is not null, reference, issuedAt, issuedAt is { } at ? SharedKernel.Time.CivilTime.ToBerlin(at) : null);
    }
}

/// <summary>Helpers shared by the receipt reads.</summary>
internal static class Receipts
{
    public static ReceiptFile File(Domain.Receipt receipt) =>
        new(receipt.Pdf!, $"\"{receipt.PdfSha256![..32]}\"", receipt.ReferenceNumber, receipt.Language);
}

internal sealed class VerifyReceiptValidator : AbstractValidator<VerifyReceiptQuery>
{
    public VerifyReceiptValidator()
    {
        RuleFor(q => q.Reference).NotEmpty().MaximumLength(40).OverridePropertyName("reference").WithName("reference");
        RuleFor(q => q.Fingerprint).NotEmpty().Matches("^[0-9a-fA-F]{64}$")
            .WithMessage("The fingerprint is the 64 hexadecimal digits printed on the receipt (SHA-256).")
            .OverridePropertyName("fingerprint").WithName("fingerprint");
    }
}
