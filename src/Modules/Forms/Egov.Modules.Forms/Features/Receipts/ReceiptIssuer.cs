using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Hosting;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Issues the receipt of a submission: fingerprints the frozen submission, composes and renders the
/// PDF once. Called inside the submission's transaction, so an application is never filed without
/// its receipt.
/// </summary>
internal sealed class ReceiptIssuer(ReceiptRenderer renderer, IOptions<ReceiptOptions> options, IOptions<PublicSiteOptions> site)
{
    /// <summary>The receipt of <paramref name="application"/> (just submitted) with its stored <paramref name="attachments"/>.</summary>
    public Receipt Issue(Application application, FormContent form, IReadOnlyList<Attachment> attachments)
    {
        using var data = JsonDocument.Parse(application.Data);
        var submission = new ReceiptSubmission(
            application.FormKey, application.FormVersion, application.ReferenceNumber!, application.SubmittedAt!.Value, data.RootElement,
            [.. attachments.Select(a => new ReceiptAttachment(a.Slot, a.FileName, a.SizeBytes, a.Sha256))]);
        var fingerprint = ReceiptFingerprint.Compute(submission);
        var document = ReceiptComposer.Compose(
            form, submission, application.ApplicantName ?? "—", options.Value.Authority.ToAuthority(), application.ApplicantLanguage,
            fingerprint, VerificationUrl(application.ReferenceNumber!, fingerprint));
        return Receipt.Issue(application.Id, application.ReferenceNumber!, fingerprint, application.SubmittedAt.Value, application.ApplicantLanguage, renderer.Render(document));
    }

    /// <summary>The public verification address printed on the receipt and in its QR code.</summary>
    public Uri VerificationUrl(string referenceNumber, string fingerprint) =>
        site.Value.Link($"api/v1/receipts/verify?reference={Uri.EscapeDataString(referenceNumber)}&fingerprint={fingerprint}");
}
