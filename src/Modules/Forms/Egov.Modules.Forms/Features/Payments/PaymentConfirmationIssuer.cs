using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.Typesetting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Payments;

/// <summary>
/// Issues the payment confirmation (Zahlungsbestätigung) of a fee paid after submission (ADR 0028),
/// with the receipts' typesetter and authority: German with English subtitles, or English, as the
/// applicant's receipt. Everything printed comes from the payment as Payments reported it and the
/// stored application, and the PDF's dates and file identifier from the payment, so rendering the
/// same confirmation again gives the same bytes.
/// </summary>
internal sealed class PaymentConfirmationIssuer(
    FormsDbContext db, PublishedFormVersions forms, ReceiptRenderer renderer, ReceiptIssuer receipts, IOptions<ReceiptOptions> options)
{
    /// <summary>
    /// Adds the confirmation of <paramref name="paid"/> for <paramref name="application"/> to the context
    /// (the caller saves) when one is due: the application is submitted and its personal data kept, its
    /// receipt does not print this payment already (paid before submission), and the payment has no
    /// confirmation yet.
    /// </summary>
    /// <returns>The new confirmation, or null when none is due.</returns>
    public async Task<PaymentConfirmation?> IssueIfDueAsync(Application application, PaidFee paid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!application.IsSubmitted || application.PersonalDataRemovedAt is not null)
        {
            return null;
        }

        var onReceipt = await db.Receipts.AsNoTracking().AnyAsync(r => r.ApplicationId == application.Id && r.FeePaymentId == paid.PaymentId, cancellationToken);
        var confirmed = await db.PaymentConfirmations.AsNoTracking().AnyAsync(c => c.PaymentId == paid.PaymentId, cancellationToken);
        if (onReceipt || confirmed)
        {
            return null;
        }

        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        var reference = application.ReferenceNumber!;
        var fingerprint = Fingerprint(reference, paid);
        var pdf = renderer.Render(Compose(application, version.Content, paid, fingerprint, receipts.VerificationUrl(reference, fingerprint)));
        var confirmation = PaymentConfirmation.Issue(application.Id, reference, paid, application.ApplicantLanguage, fingerprint, now, pdf);
        db.PaymentConfirmations.Add(confirmation);
        return confirmation;
    }

    /// <summary>
    /// SHA-256 (lowercase hex) of the canonical JSON (RFC 8785) of what the confirmation states:
    /// <c>{"amountCents","currency":"EUR","paidAt","paymentId","provider","providerReference","referenceNumber"}</c>,
    /// <c>paidAt</c> in UTC to the millisecond as the receipt's fingerprint writes instants.
    /// </summary>
    public static string Fingerprint(string referenceNumber, PaidFee paid)
    {
        var facts = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["amountCents"] = paid.AmountCents,
            ["currency"] = "EUR",
            ["paidAt"] = ReceiptFingerprint.FormatInstant(paid.PaidAt),
            ["paymentId"] = paid.PaymentId.ToString("D"),
            ["provider"] = paid.Provider,
            ["providerReference"] = paid.Reference,
            ["referenceNumber"] = referenceNumber,
        };
        return Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(JsonSerializer.SerializeToElement(facts))));
    }

    private ReceiptDocument Compose(Application application, FormContent form, PaidFee paid, string fingerprint, Uri verificationUrl)
    {
        var language = application.ApplicantLanguage == "en" ? "en" : "de";
        ReceiptLabel Label(string german, string english) => language == "en" ? new ReceiptLabel(english) : new ReceiptLabel(german, english);
        string Pick(string german, string english) => language == "en" ? english : german;

        var reference = application.ReferenceNumber!;
        var formTitle = form.Title.In(language);
        var authority = options.Value.Authority.ToAuthority();
        var url = verificationUrl.AbsoluteUri;
        return new ReceiptDocument(
            Language: language == "en" ? "en-GB" : "de-DE",
            SubtitleLanguage: language == "en" ? null : "en-GB",
            Metadata: new ReceiptMetadata(
                Title: Pick("Zahlungsbestätigung", "Payment confirmation") + " " + reference,
                Author: authority.Name,
                Subject: $"{formTitle} ({application.FormKey}, Version {application.FormVersion.ToString(CultureInfo.InvariantCulture)})",
                CreatedAt: paid.PaidAt,
                DocumentId: fingerprint[..32]),
            Authority: authority,
            Title: Label("Zahlungsbestätigung", "Payment confirmation"),
            Introduction: Label(
                $"Wir haben die Gebühr für Ihren Antrag „{form.Title.De}“ erhalten. Diese Bestätigung ergänzt die Eingangsbestätigung zum selben Aktenzeichen; "
                    + "sie ist keine Entscheidung über den Antrag.",
                $"We have received the fee for your application “{form.Title.In("en")}”. This confirmation supplements the acknowledgement of receipt with the same "
                    + "reference number; it is not a decision on the application."),
            Facts:
            [
                new ReceiptField(Label("Aktenzeichen", "Reference number"), reference),
                new ReceiptField(Label("Antrag", "Application"), formTitle),
                new ReceiptField(Label("Antragstellerin oder Antragsteller", "Applicant"), application.ApplicantName ?? "—"),
                new ReceiptField(Label("Betrag", "Amount"), ReceiptFormat.Euros(paid.AmountCents / 100m, language)),
                new ReceiptField(Label("Bezahlt am", "Paid on"), ReceiptFormat.Instant(paid.PaidAt, language)),
                new ReceiptField(Label("Zahlungsdienst", "Payment service"), ReceiptFormat.ProviderName(paid.Provider)),
                new ReceiptField(Label("Referenz des Zahlungsdienstes", "Payment service reference"), paid.Reference ?? "—"),
                new ReceiptField(Label("Zahlungsnummer", "Payment number"), paid.PaymentId.ToString("D")),
            ],
            Sections: [],
            Verification: new ReceiptVerification(
                Heading: Label("Echtheit prüfen", "Verify this confirmation"),
                Explanation: Label(
                    "Der Fingerabdruck ist der SHA-256-Hashwert der bestätigten Zahlungsangaben (kanonisches JSON nach RFC 8785). "
                        + "Unter der Prüfadresse oder mit dem QR-Code können Sie prüfen, ob wir eine Bestätigung mit diesem Aktenzeichen und diesem Fingerabdruck ausgestellt haben.",
                    "The fingerprint is the SHA-256 hash of the confirmed payment details (canonical JSON, RFC 8785). "
                        + "Use the verification address or the QR code to check that we issued a confirmation with this reference number and this fingerprint."),
                FingerprintLabel: Label("Fingerabdruck (SHA-256)", "Fingerprint (SHA-256)"),
                Fingerprint: fingerprint,
                UrlLabel: Label("Prüfadresse", "Verification address"),
                Url: url,
                QrAltText: Pick("QR-Code mit der Prüfadresse ", "QR code with the verification address ") + url),
            Footer: new ReceiptFooter(
                Left: Pick("Zahlungsbestätigung ", "Payment confirmation ") + reference,
                PageFormat: Pick("Seite {0} von {1}", "Page {0} of {1}")));
    }
}
