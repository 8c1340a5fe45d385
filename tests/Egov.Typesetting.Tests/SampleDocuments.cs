using System.Security.Cryptography;
using System.Text;

namespace Egov.Typesetting.Tests;

/// <summary>
/// Documents built for one test, as a module would hand them to the typesetter: a heading with its English
/// subtitle, facts, a section of label/value rows (the first one „Familienname“ with the value under test),
/// a table with column headers, a paragraph and the verification block.
/// </summary>
internal static class SampleDocuments
{
    /// <summary>29.11.2026, 18:05:00 in Berlin (CET, UTC+01:00).</summary>
    public static readonly DateTimeOffset SubmittedAt = new(2026, 11, 29, 17, 5, 0, TimeSpan.Zero);

    public static readonly ReceiptAuthority Authority = new(
        "Stadt Lüdenscheid – Der Bürgermeister",
        ["Fachdienst Bürgerservice", "Rathausplatz 2", "58507 Lüdenscheid"],
        ["Telefon +49 2351 17-0", "buergerservice@luedenscheid.example", "www.luedenscheid.example"]);

    /// <summary>The verification address of <paramref name="reference"/>, also in the QR code.</summary>
    public static string VerificationUrl(string reference) => $"https://egov.luedenscheid.example/api/v1/receipts/verify?reference={reference}";

    /// <summary>A receipt whose surname is <paramref name="surname"/>, with <paramref name="fields"/> further rows „Angabe 001“… valued <paramref name="fieldValue"/>.</summary>
    public static ReceiptDocument Receipt(
        string surname = "Mustermann", string reference = "EGOV-2026-000042", int fields = 3, Func<int, string>? fieldValue = null, string? authorityName = null)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{reference}|{surname}|{fields}")));
        var url = VerificationUrl(reference);
        List<ReceiptBlock> rows = [new ReceiptField(new("Familienname", "Surname"), surname)];
        rows.AddRange(Enumerable.Range(1, fields).Select(i => new ReceiptField(new($"Angabe {i:000}"), fieldValue?.Invoke(i) ?? $"Wert {i}")));
        return new ReceiptDocument(
            "de-DE",
            "en-GB",
            new ReceiptMetadata($"Eingangsbestätigung {reference}", Authority.Name, "Hundesteuer-Anmeldung, Version 1", SubmittedAt, fingerprint[..32]),
            authorityName is null ? Authority : Authority with { Name = authorityName },
            new ReceiptLabel("Eingangsbestätigung", "Acknowledgement of receipt"),
            new ReceiptLabel("Ihr Antrag ist bei uns eingegangen. Diese Bestätigung ist kein Bescheid."),
            [
                new ReceiptField(new("Aktenzeichen", "Reference number"), reference),
                new ReceiptField(new("Eingegangen am", "Received"), "29.11.2026, 18:05:00 Uhr"),
            ],
            [
                new ReceiptSection(new("Angaben zur Person", "About you"), 1, rows),
                new ReceiptSection(new("Anlagen", "Attachments"), 1,
                [
                    new ReceiptTable(new("Hochgeladene Dateien"), ["Datei", "Größe"], [["Vollmacht.pdf", "15 Byte"], ["Zulassungsbescheinigung Teil I.jpg", "825,3 KB"]]),
                    new ReceiptParagraph("Die Anlagen werden mit dem Antrag aufbewahrt."),
                ]),
            ],
            new ReceiptVerification(
                new("Echtheit prüfen", "Verify this receipt"),
                new("Der Fingerabdruck ist der SHA-256-Wert der eingereichten Angaben; die Prüfadresse zeigt, ob er zu diesem Aktenzeichen gehört."),
                new("Fingerabdruck", "Fingerprint"),
                fingerprint,
                new("Prüfadresse", "Verification address"),
                url,
                $"QR-Code mit der Prüfadresse {url}"),
            new ReceiptFooter(reference, "Seite {0} von {1}"));
    }
}
