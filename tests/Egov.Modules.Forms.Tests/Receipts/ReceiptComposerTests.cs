using System.Text.Json;
using Egov.Typesetting;
using Egov.Modules.Forms.Features.Receipts;

namespace Egov.Modules.Forms.Tests.Receipts;

public sealed class ReceiptComposerTests
{
    private static List<ReceiptField> Fields(ReceiptDocument receipt) =>
        [.. receipt.Sections.SelectMany(s => s.Blocks).OfType<ReceiptField>()];

    /// <summary>The value of the first field with this label (holder and dog both have a date of birth).</summary>
    private static string Value(ReceiptDocument receipt, string label) =>
        (Fields(receipt).FirstOrDefault(f => f.Label.Text == label) ?? throw new Xunit.Sdk.XunitException($"No field '{label}'.")).Value;

    private static List<string> Headings(ReceiptDocument receipt) =>
        [.. receipt.Sections.Where(s => s.Heading is not null).Select(s => s.Heading!.Text)];

    [Fact]
    public void Compose_DogRegistrationInGerman_ShowsEnteredFieldsInLayoutOrderWithFormattedValues()
    {
        var receipt = ReceiptSamples.Compose(ReceiptSamples.Dog);

        Assert.Equal(
            [
                "Halterin oder Halter", "Person", "Meldeanschrift", "Kontakt für Rückfragen", "Haushalt",
                "Hund", "Angaben zum Hund", "Gelistete Rasse", "Mikrochip",
                "Haltung", "Beginn der Haltung", "Vorbesitzerin oder Vorbesitzer (optional)",
                "Versicherung und Abschluss", "Hundehaftpflichtversicherung", "Erklärung",
                "Anlagen", "Gebühr und Bearbeitungsfrist",
            ],
            Headings(receipt));
        Assert.Equal([1, 2, 2], receipt.Sections.Take(3).Select(s => s.Level));
        Assert.Equal("Mustermann", Value(receipt, "Familienname"));
        Assert.Equal("12.08.1964", Value(receipt, "Geburtsdatum"));
        Assert.Equal("Rüde", Value(receipt, "Geschlecht"));
        Assert.Equal("Nein", Value(receipt, "Gehört der Hund zu einer gelisteten Rasse?"));
        Assert.Equal("Anschaffung (Kauf, Schenkung, Tierheim, eigene Zucht)", Value(receipt, "Anlass der Anmeldung"));
        Assert.Equal("Tierschutzverein Lüdenscheid e. V.", Value(receipt, "Name oder Einrichtung"));
        Assert.Equal("0", Value(receipt, "Anzahl weiterer Hunde im Haushalt"));
        Assert.Equal("Ja", Value(receipt, "Ich versichere, dass meine Angaben richtig und vollständig sind."));
        var labels = Fields(receipt).Select(f => f.Label.Text).ToList();
        Assert.True(labels.IndexOf("Familienname") < labels.IndexOf("Rufname"));
        Assert.True(labels.IndexOf("Rufname") < labels.IndexOf("Versicherungsunternehmen"));
        // The previous owner gave a PO box: the street controls have no value and are left out.
        Assert.Equal(2, labels.Count(l => l == "Postleitzahl"));
        Assert.Single(labels, l => l == "Straße");
        Assert.DoesNotContain("Sachkundenachweis", Headings(receipt));
    }

    [Fact]
    public void Compose_DogRegistrationInEnglish_UsesTheEnglishTranslationsAndNoSubtitles()
    {
        var receipt = ReceiptSamples.Compose(ReceiptSamples.Dog, example: 1, language: "en");

        Assert.Equal("en-GB", receipt.Language);
        Assert.Null(receipt.SubtitleLanguage);
        Assert.Equal(new ReceiptLabel("Acknowledgement of receipt"), receipt.Title);
        Assert.Equal("Female", Value(receipt, "Sex"));
        Assert.Equal("15 January 1980", Value(receipt, "Date of birth"));
        Assert.Equal("Yes", Value(receipt, "Is the dog of a listed breed?"));
        Assert.Equal("Certificate of a passed competence test", Value(receipt, "Type of proof"));
        Assert.Contains("Proof of competence", Headings(receipt));
        Assert.Equal("29 November 2026, 18:05:00 (CET, UTC+01:00)", Assert.Single(receipt.Facts, f => f.Label.Text == "Received on").Value);
        Assert.Equal("Page {0} of {1}", receipt.Footer.PageFormat);
        Assert.All(receipt.Facts, f => Assert.Null(f.Label.Subtitle));
    }

    [Fact]
    public void Compose_TradeRegistrationOfAGbr_ShowsPartnersAsTableAndChoicesAsTheirTitles()
    {
        var receipt = ReceiptSamples.Compose(ReceiptSamples.Trade, example: 1);

        var partners = Assert.Single(receipt.Sections.SelectMany(s => s.Blocks).OfType<ReceiptTable>(), t => t.Caption is not null);
        Assert.Equal("Gesellschafterinnen und Gesellschafter der GbR", partners.Caption!.Text);
        Assert.Equal(["Familienname", "Vornamen"], partners.Columns);
        Assert.Equal([["Mustermann", "Max"], ["Mustermann", "Erika"]], partners.Rows);
        Assert.Equal("Gesellschaft bürgerlichen Rechts (GbR)", Value(receipt, "Rechtsform"));
        Assert.Equal("Handwerk\nHandel", Value(receipt, "Art des Betriebs"));
        Assert.Equal("Unselbstständige Zweigstelle", Value(receipt, "Die Anmeldung wird erstattet für"));
        Assert.Equal("Ja", Value(receipt, "Wird die Tätigkeit (vorerst) im Nebenerwerb ausgeübt?"));
        Assert.Equal("01.06.2026", Value(receipt, "Beginn der Tätigkeit"));
        Assert.StartsWith("30,00 EUR\n", Value(receipt, "Gebühr"), StringComparison.Ordinal);
        Assert.Equal("3 Tage ab Eingang", Value(receipt, "Bearbeitungsfrist"));
        Assert.Equal("keine", Value(receipt, "Anlagen"));
    }

    [Theory]
    [InlineData("de", "30,70 EUR bezahlt am 07.12.2026, 14:03:05 Uhr (MEZ, UTC+01:00) über Stripe, Referenz pi_3Abc", "Zahlung")]
    [InlineData("en", "EUR 30.70 paid on 7 December 2026, 14:03:05 (CET, UTC+01:00) via Stripe, reference pi_3Abc", "Payment")]
    public void Compose_FeePaidBeforeSubmission_PrintsAmountBerlinTimeProviderAndReference(string language, string expected, string label)
    {
        var paid = new Egov.Modules.Forms.Domain.PaidFee(Guid.NewGuid(), 3070, "stripe", "pi_3Abc", new DateTimeOffset(2026, 12, 7, 13, 3, 5, 600, TimeSpan.Zero));

        var receipt = ReceiptSamples.Compose(ReceiptSamples.Submission(ReceiptSamples.Parking), language, paidFee: paid);

        Assert.Equal(expected, Value(receipt, label));
    }

    [Fact]
    public void Compose_FeePaidAfterSubmission_SaysItIsPayable_AndAFreeFormHasNoPaymentLine()
    {
        var parking = ReceiptSamples.Compose(ReceiptSamples.Parking);
        var dog = ReceiptSamples.Compose(ReceiptSamples.Dog);

        Assert.Equal("zahlbar nach Eingang des Antrags; der Zahlungsstand steht auf der Seite des Antrags", Value(parking, "Zahlung"));
        Assert.DoesNotContain(Fields(dog), f => f.Label.Text == "Zahlung");
    }

    [Fact]
    public void Compose_ParkingPermit_ShowsFeeInGermanNumberFormatAndTheAttachments()
    {
        var receipt = ReceiptSamples.Compose(ReceiptSamples.Parking);

        Assert.StartsWith("30,70 EUR\n30,70 EUR je Fahrzeug für ein Jahr.", Value(receipt, "Gebühr"), StringComparison.Ordinal);
        Assert.Equal("14 Tage ab Eingang", Value(receipt, "Bearbeitungsfrist"));
        Assert.Equal("Zone A – Altstadt", Value(receipt, "Bewohnerparkgebiet (Zone)"));
        Assert.Equal("1830", Value(receipt, "Zulässige Gesamtmasse in kg"));
        var attachments = Assert.Single(receipt.Sections, s => s.Heading?.Text == "Anlagen");
        Assert.Equal("Attachments", attachments.Heading!.Subtitle);
        var table = Assert.IsType<ReceiptTable>(Assert.Single(attachments.Blocks));
        Assert.Equal(["Anlage", "Datei", "Größe", "SHA-256 (Anfang)"], table.Columns);
        Assert.Equal(
            [
                ["Zulassungsbescheinigung Teil I (Fahrzeugschein)", "Zulassungsbescheinigung Teil I.jpg", "845,1 kB (845.112 Bytes)", "9f86d081884c7d65"],
                ["Vollmacht (bei Antrag durch eine Vertreterin oder einen Vertreter)", "Vollmacht.pdf", "15 Bytes", "e3b0c44298fc1c14"],
            ],
            table.Rows);
    }

    [Fact]
    public void Compose_Facts_ShowReferenceFormReceivedAtInBerlinTimeAndApplicant()
    {
        var winter = ReceiptSamples.Compose(ReceiptSamples.Submission(ReceiptSamples.Dog));
        var summer = ReceiptSamples.Compose(ReceiptSamples.Submission(ReceiptSamples.Dog) with { SubmittedAt = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero) });

        Assert.Equal(
            [
                (new ReceiptLabel("Aktenzeichen", "Reference number"), "EGOV-2026-000042"),
                (new ReceiptLabel("Antrag", "Application"), "Hundesteuer-Anmeldung"),
                (new ReceiptLabel("Formular", "Form"), "hundesteuer-anmeldung, Version 1"),
                (new ReceiptLabel("Eingegangen am", "Received on"), "29.11.2026, 18:05:00 Uhr (MEZ, UTC+01:00)"),
                (new ReceiptLabel("Antragstellerin oder Antragsteller", "Applicant"), "Erika Mustermann"),
            ],
            winter.Facts.Select(f => (f.Label, f.Value)));
        Assert.Equal("01.07.2026, 12:00:00 Uhr (MESZ, UTC+02:00)", summer.Facts[3].Value);
        Assert.Equal(new ReceiptLabel("Eingangsbestätigung", "Acknowledgement of receipt"), winter.Title);
        Assert.Equal("de-DE", winter.Language);
        Assert.Equal("en-GB", winter.SubtitleLanguage);
        Assert.Equal(
            new ReceiptMetadata("Eingangsbestätigung EGOV-2026-000042", ReceiptSamples.Authority.Name, "Hundesteuer-Anmeldung (hundesteuer-anmeldung, Version 1)",
                ReceiptSamples.SubmittedAt, winter.Verification!.Fingerprint[..32]),
            winter.Metadata);
        Assert.Equal("Seite {0} von {1}", winter.Footer.PageFormat);
    }

    [Fact]
    public void Compose_Verification_CarriesTheFullFingerprintAndTheUrl()
    {
        var submission = ReceiptSamples.Submission(ReceiptSamples.Dog);

        var receipt = ReceiptSamples.Compose(submission);

        Assert.Equal(ReceiptFingerprint.Compute(submission), receipt.Verification!.Fingerprint);
        Assert.Equal("https://egov.luedenscheid.example/api/v1/receipts/verify?reference=EGOV-2026-000042", receipt.Verification.Url);
        Assert.Contains(receipt.Verification.Url, receipt.Verification.QrAltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ControlOnAnObject_ShowsItAsLinesAndListsValuesTheLayoutDoesNotShow()
    {
        var form = ReceiptSamples.Form(ReceiptSamples.Dog) with
        {
            UiLayout = JsonDocument.Parse("""
                { "type": "VerticalLayout", "elements": [
                  { "type": "Group", "label": "Anschrift", "elements": [
                    { "type": "Control", "scope": "#/properties/holder/properties/address", "i18n": "holder.address" } ] } ] }
                """).RootElement,
        };
        var submission = ReceiptSamples.Submission(ReceiptSamples.Dog);

        var receipt = ReceiptComposer.Compose(form, submission, "Erika Mustermann", ReceiptSamples.Authority, "de",
            ReceiptFingerprint.Compute(submission), ReceiptSamples.VerificationUrl(submission.ReferenceNumber));

        Assert.Equal("Straße: Heidestraße\nHausnummer: 17\nPostleitzahl: 58507\nOrt: Lüdenscheid", Value(receipt, "Meldeanschrift"));
        var further = Assert.Single(receipt.Sections, s => s.Heading?.Text == "Weitere Angaben");
        var values = further.Blocks.OfType<ReceiptField>().GroupBy(f => f.Label.Text).ToDictionary(g => g.Key, g => g.First().Value);
        Assert.Equal("Bello", values["Rufname"]);
        Assert.Equal("Mustermann", values["Familienname"]);
        Assert.Equal("Tierschutzverein Lüdenscheid e. V.", values["Name oder Einrichtung"]);
        Assert.Equal("1234", values["Postfach"]);
        Assert.Equal("Anschaffung (Kauf, Schenkung, Tierheim, eigene Zucht)", values["Anlass der Anmeldung"]);
        Assert.DoesNotContain(further.Blocks.OfType<ReceiptField>(), f => f.Label.Text is "Straße" or "Hausnummer");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("DE")]
    public void Compose_WithAnotherLanguage_Throws(string language)
    {
        var submission = ReceiptSamples.Submission(ReceiptSamples.Dog);

        Assert.Throws<ArgumentException>(() => ReceiptComposer.Compose(ReceiptSamples.Form(ReceiptSamples.Dog), submission, "Erika Mustermann",
            ReceiptSamples.Authority, language, ReceiptFingerprint.Compute(submission), ReceiptSamples.VerificationUrl("x")));
    }

    [Theory]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abc")]
    public void Compose_WithAFingerprintThatIsNotLowercaseSha256Hex_Throws(string fingerprint)
    {
        var submission = ReceiptSamples.Submission(ReceiptSamples.Dog);

        Assert.Throws<ArgumentException>(() => ReceiptComposer.Compose(ReceiptSamples.Form(ReceiptSamples.Dog), submission, "Erika Mustermann",
            ReceiptSamples.Authority, "de", fingerprint, ReceiptSamples.VerificationUrl("x")));
    }

    [Theory]
    [InlineData(0, "de", "0 Bytes")]
    [InlineData(15, "de", "15 Bytes")]
    [InlineData(999, "en", "999 bytes")]
    [InlineData(12_345, "de", "12,3 kB (12.345 Bytes)")]
    [InlineData(999_999, "de", "1,0 MB (999.999 Bytes)")]
    [InlineData(1_234_567, "de", "1,2 MB (1.234.567 Bytes)")]
    [InlineData(1_234_567, "en", "1.2 MB (1,234,567 bytes)")]
    [InlineData(52_428_800, "de", "52,4 MB (52.428.800 Bytes)")]
    public void Size_OfAFile_IsHumanReadableWithTheExactBytes(long bytes, string language, string expected)
    {
        Assert.Equal(expected, ReceiptFormat.Size(bytes, language));
    }

    [Theory]
    [InlineData(30.7, "de", "30,70 EUR")]
    [InlineData(1234.5, "de", "1.234,50 EUR")]
    [InlineData(0, "de", "0,00 EUR")]
    [InlineData(30.7, "en", "EUR 30.70")]
    public void Euros_OfAFee_AreInTheLanguagesNumberFormat(decimal amount, string language, string expected)
    {
        Assert.Equal(expected, ReceiptFormat.Euros(amount, language));
    }
}
