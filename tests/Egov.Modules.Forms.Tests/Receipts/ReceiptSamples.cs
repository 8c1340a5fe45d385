using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Typesetting;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Seed;

namespace Egov.Modules.Forms.Tests.Receipts;

/// <summary>Receipts of the seeded forms with realistic German submissions (the seeds' own examples).</summary>
internal static class ReceiptSamples
{
    public const string Dog = "hundesteuer-anmeldung";
    public const string Parking = "bewohnerparkausweis";
    public const string Trade = "gewerbeanmeldung-gewa1";

    /// <summary>29.11.2026, 18:05:00.123 in Berlin (CET, UTC+01:00).</summary>
    public static readonly DateTimeOffset SubmittedAt = new(2026, 11, 29, 17, 5, 0, 123, TimeSpan.Zero);

    public static readonly ReceiptAuthority Authority = new(
        "Stadt Lüdenscheid – Der Bürgermeister",
        ["Fachdienst Bürgerservice", "Rathausplatz 2", "58507 Lüdenscheid"],
        ["Telefon +49 2351 17-0", "buergerservice@luedenscheid.example", "www.luedenscheid.example"]);

    private static readonly Dictionary<string, FormContent> Forms = FormSeeder.LoadDocuments()
        .ToDictionary(d => d.Key!, d => d.ToContent(), StringComparer.Ordinal);

    public static FormContent Form(string key) => Forms[key];

    /// <summary>Example <paramref name="example"/> of the seed, cleaned and checked as the submit handler stores it.</summary>
    public static JsonElement Data(string key, int example = 0)
    {
        var form = Form(key);
        var (cleaned, errors) = ApplicationDataChecker.Check(form, form.Schema.GetProperty("examples")[example], "de");
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return JsonSerializer.SerializeToElement(cleaned);
    }

    public static IReadOnlyList<ReceiptAttachment> Attachments(string key) => key switch
    {
        Dog => [new("insurance-certificate", "Versicherungsnachweis Hundehaftpflicht 2026.pdf", 1_234_567, "1e7313ace78f0fb481a486939b4885902663102818090805515553d84e0bbfd3")],
        Parking =>
        [
            new("vehicle-registration-certificate", "Zulassungsbescheinigung Teil I.jpg", 845_112, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            new("power-of-attorney", "Vollmacht.pdf", 15, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ],
        _ => [],
    };

    public static ReceiptSubmission Submission(string key, int example = 0, JsonElement? data = null, string reference = "EGOV-2026-000042") =>
        new(key, 1, reference, SubmittedAt, data ?? Data(key, example), Attachments(key));

    public static Uri VerificationUrl(string reference) =>
        new($"https://egov.luedenscheid.example/api/v1/receipts/verify?reference={reference}");

    public static ReceiptDocument Compose(ReceiptSubmission submission, string language = "de", string applicant = "Erika Mustermann", Egov.Modules.Forms.Domain.PaidFee? paidFee = null) =>
        ReceiptComposer.Compose(Form(submission.FormKey), submission, applicant, Authority, language,
            ReceiptFingerprint.Compute(submission), VerificationUrl(submission.ReferenceNumber), paidFee);

    public static ReceiptDocument Compose(string key, int example = 0, string language = "de") => Compose(Submission(key, example), language);
}
