using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>Whether a receipt, or a payment confirmation (ADR 0028), with exactly this reference number and fingerprint was issued (anonymous).</summary>
internal sealed record VerifyReceiptQuery(string? Reference, string? Fingerprint) : IQuery<ReceiptCheckResult>;

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

/// <summary>The public verification: nothing personal.</summary>
internal sealed class VerifyReceiptHandler(FormsDbContext db) : IQueryHandler<VerifyReceiptQuery, ReceiptCheckResult>
{
    public async ValueTask<ReceiptCheckResult> Handle(VerifyReceiptQuery query, CancellationToken cancellationToken)
    {
        // Exactly as printed: reference numbers keep the case of their configured prefix.
        var reference = query.Reference!.Trim();
        var fingerprint = query.Fingerprint!.Trim().ToLowerInvariant();
        var receipt = await db.Receipts.AsNoTracking()
            .Where(r => r.ReferenceNumber == reference && r.Fingerprint == fingerprint)
            .Select(r => (DateTimeOffset?)r.IssuedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var confirmation = receipt is not null ? null : await db.PaymentConfirmations.AsNoTracking()
            .Where(c => c.ReferenceNumber == reference && c.Fingerprint == fingerprint)
            .Select(c => (DateTimeOffset?)c.IssuedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var issuedAt = receipt ?? confirmation;
        return new ReceiptCheckResult(
            issuedAt is not null, reference, issuedAt, issuedAt is { } at ? SharedKernel.Time.CivilTime.ToBerlin(at) : null,
            receipt is not null ? ReceiptCheckResult.Receipt : confirmation is not null ? ReceiptCheckResult.PaymentConfirmation : null);
    }
}
