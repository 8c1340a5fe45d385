using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Payments;

/// <summary>Reads of payment confirmations shared by the applicant's and the staff side.</summary>
internal static class PaymentConfirmations
{
    /// <summary>
    /// The PDF of the confirmation of payment <paramref name="paymentId"/> of <paramref name="application"/>,
    /// named like the receipt (<c>Zahlungsbestätigung-EGOV-2026-000042.pdf</c>, <c>Payment-confirmation-…</c> in English);
    /// null when the application has no such confirmation.
    /// </summary>
    public static async Task<ReceiptFile?> FileAsync(FormsDbContext db, Application application, Guid paymentId, CancellationToken cancellationToken)
    {
        var confirmation = await db.PaymentConfirmations.AsNoTracking()
            .Where(c => c.PaymentId == paymentId && c.ApplicationId == application.Id)
            .Select(c => new { c.Pdf, c.PdfSha256, c.ReferenceNumber, c.Language })
            .FirstOrDefaultAsync(cancellationToken);
        return confirmation is null
            ? null
            : new ReceiptFile(confirmation.Pdf, $"\"{confirmation.PdfSha256[..32]}\"", confirmation.ReferenceNumber, confirmation.Language,
                confirmation.Language == "en" ? "Payment-confirmation" : "Zahlungsbestätigung");
    }

    /// <summary>
    /// <paramref name="view"/> with the download address of its payment's confirmation when it has one;
    /// <paramref name="baseUrl"/> is the application's or the case's API address.
    /// </summary>
    public static async Task<ApplicationPaymentView?> WithConfirmationAsync(
        FormsDbContext db, ApplicationPaymentView? view, string baseUrl, CancellationToken cancellationToken) =>
        view is not null && await db.PaymentConfirmations.AsNoTracking().AnyAsync(c => c.PaymentId == view.PaymentId, cancellationToken)
            ? view with { ConfirmationUrl = $"{baseUrl}/payment-confirmations/{view.PaymentId}" }
            : view;
}
