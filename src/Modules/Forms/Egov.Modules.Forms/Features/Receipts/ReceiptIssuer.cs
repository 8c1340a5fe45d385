using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Typesetting;
using Egov.SharedKernel.Hosting;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Issues the receipt of a submission in two steps. <see cref="Issue"/> runs inside the submission's
/// transaction: it fingerprints the frozen submission and fixes what the receipt will print from
/// configuration (the authority, the verification address), so the receipt can be verified from
/// the moment the citizen has the answer. <see cref="Render"/> makes the PDF from that stored state
/// after commit; it is deterministic, so every rendering of one receipt gives the same bytes.
/// </summary>
internal sealed class ReceiptIssuer(ReceiptRenderer renderer, IOptions<ReceiptOptions> options, IOptions<PublicSiteOptions> site)
{
    private static readonly JsonSerializerOptions AuthorityJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The receipt of <paramref name="application"/> (just submitted) with its submitted <paramref name="attachments"/>,
    /// without its PDF yet; <paramref name="paidFee"/> is the fee paid before submission, stored on the receipt so
    /// every rendering prints the payment as it was at filing (a later refund does not change the receipt).
    /// </summary>
    public Receipt Issue(Application application, IReadOnlyList<ReceiptAttachment> attachments, PaidFee? paidFee = null)
    {
        using var data = JsonDocument.Parse(application.Data);
        var fingerprint = ReceiptFingerprint.Compute(Submission(application, data.RootElement, attachments));
        return Receipt.Issue(
            application.Id, application.ReferenceNumber!, fingerprint, application.SubmittedAt!.Value, application.ApplicantLanguage,
            JsonSerializer.Serialize(options.Value.Authority.ToAuthority(), AuthorityJson), VerificationUrl(application.ReferenceNumber!, fingerprint),
            paidFee);
    }

    /// <summary>The PDF of <paramref name="receipt"/>, from the stored submission and what <see cref="Issue"/> fixed.</summary>
    public byte[] Render(Receipt receipt, Application application, FormContent form, IReadOnlyList<ReceiptAttachment> attachments)
    {
        using var data = JsonDocument.Parse(application.Data);
        var authority = receipt.Authority is { } stored
            ? JsonSerializer.Deserialize<ReceiptAuthority>(stored, AuthorityJson)!
            : options.Value.Authority.ToAuthority();
        var url = receipt.VerificationUrl is { } printed ? new Uri(printed) : VerificationUrl(receipt.ReferenceNumber, receipt.Fingerprint);
        var document = ReceiptComposer.Compose(
            form, Submission(application, data.RootElement, attachments), application.ApplicantName ?? "—", authority, receipt.Language,
            receipt.Fingerprint, url, receipt.PaidFee);
        return renderer.Render(document);
    }

    /// <summary>The public verification address printed on the receipt and in its QR code.</summary>
    public Uri VerificationUrl(string referenceNumber, string fingerprint) =>
        site.Value.Link($"api/v1/receipts/verify?reference={Uri.EscapeDataString(referenceNumber)}&fingerprint={fingerprint}");

    private static ReceiptSubmission Submission(Application application, JsonElement data, IReadOnlyList<ReceiptAttachment> attachments) =>
        new(application.FormKey, application.FormVersion, application.ReferenceNumber!, application.SubmittedAt!.Value, data, attachments);
}
