using System.Text.Json;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// The frozen submission a receipt confirms: what the city received, exactly as stored when the
/// application was submitted. Its canonical form is the input of <see cref="ReceiptFingerprint"/>.
/// </summary>
/// <param name="FormKey">The form's stable key, e.g. <c>hundesteuer-anmeldung</c>.</param>
/// <param name="FormVersion">The number of the form version the application was filed against (1, 2, …).</param>
/// <param name="ReferenceNumber">The application's reference number, e.g. <c>EGOV-2026-000042</c>.</param>
/// <param name="SubmittedAt">The submission instant; any offset, read as the UTC instant it denotes.</param>
/// <param name="Data">The application data as stored at submission (cleaned, hidden sections dropped): a JSON object.</param>
/// <param name="Attachments">The files submitted with the application; any order.</param>
internal sealed record ReceiptSubmission(
    string FormKey,
    int FormVersion,
    string ReferenceNumber,
    DateTimeOffset SubmittedAt,
    JsonElement Data,
    IReadOnlyList<ReceiptAttachment> Attachments);
