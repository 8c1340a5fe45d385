using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// The fingerprint a receipt prints: SHA-256 (FIPS 180-4) of the canonical form of the frozen
/// submission, as 64 lowercase hexadecimal digits. Anyone holding the submitted data can recompute it.
/// <para>
/// The canonical form is the RFC 8785 (JCS, see <see cref="CanonicalJson"/>) serialisation, UTF-8
/// encoded, of this JSON object (shown here with its members already in JCS order):
/// </para>
/// <code>
/// {"attachments":[{"fileName":"versicherung.pdf","sha256":"1e73…bfd3","sizeBytes":15,"slot":"insurance-certificate"}],
///  "data":{…the application data as stored…},
///  "formKey":"hundesteuer-anmeldung",
///  "formVersion":1,
///  "referenceNumber":"EGOV-2026-000001",
///  "submittedAt":"2026-11-29T16:01:04.209Z"}
/// </code>
/// <list type="bullet">
/// <item><c>attachments</c>: one object per file with exactly these four members; <c>sha256</c> in
/// lowercase hex, <c>sizeBytes</c> an integer; sorted by <c>slot</c>, then <c>fileName</c>, then
/// <c>sha256</c>, each compared ordinally by UTF-16 code units (the JCS key order), so the upload order
/// does not matter. No files: <c>[]</c>.</item>
/// <item><c>data</c>: the application data exactly as stored at submission (after cleaning and dropping
/// hidden sections), canonicalised like the rest.</item>
/// <item><c>submittedAt</c>: the submission instant in UTC as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (ISO 8601 /
/// RFC 3339, always exactly three fraction digits and <c>Z</c>), truncated (not rounded) to the
/// millisecond, so that stores keeping micro- or nanoseconds give the same value.</item>
/// </list>
/// </summary>
internal static class ReceiptFingerprint
{
    /// <summary>The fingerprint: lowercase hex SHA-256 of <see cref="CanonicalForm"/>, 64 characters.</summary>
    /// <exception cref="ArgumentException">The submission is incomplete or its data is not I-JSON (see <see cref="CanonicalForm"/>).</exception>
    public static string Compute(ReceiptSubmission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalForm(submission)));

    /// <summary>The UTF-8 bytes that are hashed (see the type's remarks for their exact shape).</summary>
    /// <exception cref="ArgumentException">
    /// Empty form key or reference number, a form version below 1, data that is not a JSON object or not
    /// I-JSON, an attachment with a negative size, an empty slot or file name, or a SHA-256 that is not 64
    /// hexadecimal digits.
    /// </exception>
    public static byte[] CanonicalForm(ReceiptSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentException.ThrowIfNullOrEmpty(submission.FormKey, nameof(submission));
        ArgumentException.ThrowIfNullOrEmpty(submission.ReferenceNumber, nameof(submission));
        if (submission.FormVersion < 1)
        {
            throw new ArgumentException($"Form version {submission.FormVersion} is not a version number (1, 2, …).", nameof(submission));
        }

        if (submission.Data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The application data must be a JSON object.", nameof(submission));
        }

        var attachments = new JsonArray();
        foreach (var file in submission.Attachments
            .Select(Check)
            .OrderBy(a => a.Slot, StringComparer.Ordinal)
            .ThenBy(a => a.FileName, StringComparer.Ordinal)
            .ThenBy(a => a.Sha256, StringComparer.Ordinal))
        {
            attachments.Add(new JsonObject
            {
                ["fileName"] = file.FileName,
                ["sha256"] = file.Sha256,
                ["sizeBytes"] = file.SizeBytes,
                ["slot"] = file.Slot,
            });
        }

        var frozen = new JsonObject
        {
            ["attachments"] = attachments,
            ["data"] = JsonNode.Parse(submission.Data.GetRawText()),
            ["formKey"] = submission.FormKey,
            ["formVersion"] = submission.FormVersion,
            ["referenceNumber"] = submission.ReferenceNumber,
            ["submittedAt"] = FormatInstant(submission.SubmittedAt),
        };
        return CanonicalJson.Serialize(JsonSerializer.SerializeToElement(frozen));
    }

    /// <summary>
    /// The instant as the canonical form writes it: UTC, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, truncated to
    /// the millisecond, e.g. <c>2026-11-29T17:05:00.123Z</c>.
    /// </summary>
    public static string FormatInstant(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var truncated = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        return truncated.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
    }

    private static ReceiptAttachment Check(ReceiptAttachment attachment)
    {
        if (string.IsNullOrEmpty(attachment.Slot) || string.IsNullOrEmpty(attachment.FileName) || attachment.SizeBytes < 0)
        {
            throw new ArgumentException($"Attachment '{attachment.FileName}' in slot '{attachment.Slot}' needs a slot, a file name and a size of 0 bytes or more.", nameof(attachment));
        }

        return attachment.Sha256.Length == 64 && attachment.Sha256.All(char.IsAsciiHexDigit)
            ? attachment with { Sha256 = attachment.Sha256.ToLowerInvariant() }
            : throw new ArgumentException($"Attachment '{attachment.FileName}': SHA-256 must be 64 hexadecimal digits, got '{attachment.Sha256}'.", nameof(attachment));
    }
}
