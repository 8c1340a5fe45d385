using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Egov.Modules.Forms.Features.Receipts;

namespace Egov.Modules.Forms.Tests.Receipts;

public sealed class ReceiptFingerprintTests
{
    /// <summary>The documented canonical form, written out by hand; its SHA-256 computed independently (Python hashlib).</summary>
    private const string ExpectedCanonical =
        """{"attachments":[{"fileName":"Anlage A.pdf","sha256":"1e7313ace78f0fb481a486939b4885902663102818090805515553d84e0bbfd3","sizeBytes":15,"slot":"insurance-certificate"}"""
        + """,{"fileName":"Vollmacht.pdf","sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","sizeBytes":0,"slot":"power-of-attorney"}]"""
        + ""","data":{"dog":{"name":"Bello","weightKg":30.5},"holder":{"city":"Lüdenscheid","familyName":"Mustermann"}}"""
        + ""","formKey":"hundesteuer-anmeldung","formVersion":1,"referenceNumber":"EGOV-2026-000001","submittedAt":"2026-11-29T16:01:04.209Z"}""";

    private const string ExpectedFingerprint = "26cee4cd0cc0d47cd4dc06539e4261fbbfad4280950c12c75b4eb7ad9623a14e";

    private static ReceiptSubmission Sample(DateTimeOffset? submittedAt = null, IReadOnlyList<ReceiptAttachment>? attachments = null, string? data = null) => new(
        "hundesteuer-anmeldung",
        1,
        "EGOV-2026-000001",
        // 17:01:04.2091499 in Berlin (CET): stored with sub-millisecond precision.
        submittedAt ?? new DateTimeOffset(2026, 11, 29, 17, 1, 4, TimeSpan.FromHours(1)).AddTicks(2_091_499),
        JsonDocument.Parse(data ?? """{ "holder": { "familyName": "Mustermann", "city": "Lüdenscheid" }, "dog": { "weightKg": 30.50, "name": "Bello" } }""").RootElement,
        attachments ??
        [
            new("power-of-attorney", "Vollmacht.pdf", 0, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"),
            new("insurance-certificate", "Anlage A.pdf", 15, "1e7313ace78f0fb481a486939b4885902663102818090805515553d84e0bbfd3"),
        ]);

    [Fact]
    public void CanonicalForm_OfASubmission_IsTheDocumentedJcsObject()
    {
        Assert.Equal(ExpectedCanonical, Encoding.UTF8.GetString(ReceiptFingerprint.CanonicalForm(Sample())));
    }

    [Fact]
    public void Compute_OfASubmission_IsLowercaseHexSha256OfTheCanonicalForm()
    {
        var fingerprint = ReceiptFingerprint.Compute(Sample());

        Assert.Equal(ExpectedFingerprint, fingerprint);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ExpectedCanonical))), fingerprint);
    }

    [Fact]
    public void Compute_WithAttachmentsInAnotherOrderAndTheSameInstantInAnotherOffset_IsTheSame()
    {
        var original = Sample();
        var reordered = original with
        {
            Attachments = [.. original.Attachments.Reverse()],
            SubmittedAt = original.SubmittedAt.ToUniversalTime(),
        };

        Assert.Equal(ReceiptFingerprint.Compute(original), ReceiptFingerprint.Compute(reordered));
    }

    [Fact]
    public void Compute_WithSubMillisecondDifference_IsTheSame_AndWithAMillisecond_Differs()
    {
        var instant = new DateTimeOffset(2026, 11, 29, 16, 1, 4, 209, TimeSpan.Zero);

        Assert.Equal(ReceiptFingerprint.Compute(Sample(instant)), ReceiptFingerprint.Compute(Sample(instant.AddTicks(9_999))));
        Assert.NotEqual(ReceiptFingerprint.Compute(Sample(instant)), ReceiptFingerprint.Compute(Sample(instant.AddMilliseconds(1))));
    }

    [Fact]
    public void Compute_WithOneCharacterOfDataChanged_Differs()
    {
        var changed = Sample(data: """{ "holder": { "familyName": "Musterman", "city": "Lüdenscheid" }, "dog": { "weightKg": 30.50, "name": "Bello" } }""");

        Assert.NotEqual(ExpectedFingerprint, ReceiptFingerprint.Compute(changed));
    }

    [Theory]
    [InlineData("2026-11-29T17:05:00.123+01:00", "2026-11-29T16:05:00.123Z")]
    [InlineData("2026-07-01T00:00:00.9999999+02:00", "2026-06-30T22:00:00.999Z")]
    [InlineData("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z")]
    public void FormatInstant_AnyOffset_IsUtcWithMillisecondsTruncated(string instant, string expected)
    {
        Assert.Equal(expected, ReceiptFingerprint.FormatInstant(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void CanonicalForm_WithABadAttachmentHash_Throws()
    {
        var bad = Sample(attachments: [new("insurance-certificate", "a.pdf", 1, "not-a-hash")]);

        var error = Assert.Throws<ArgumentException>(() => ReceiptFingerprint.CanonicalForm(bad));
        Assert.Contains("64 hexadecimal digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanonicalForm_WithDataThatIsNotAnObject_Throws()
    {
        Assert.Throws<ArgumentException>(() => ReceiptFingerprint.CanonicalForm(Sample(data: "[1, 2]")));
    }
}
