using Egov.Modules.Forms.Features.Receipts;
using Egov.Typesetting;
using UglyToad.PdfPig;
using static Egov.Typesetting.Tests.PdfReading;

namespace Egov.Modules.Forms.Tests.Receipts;

/// <summary>
/// Forms' receipts as PDFs: what the receipt composer makes of the seeded forms, rendered by the shared
/// typesetter (whose own tests are in tests/Egov.Typesetting.Tests), carries every label, value and fact.
/// </summary>
public sealed class ReceiptPdfTests
{
    private static readonly ReceiptRenderer Renderer = new();

    public static TheoryData<string, int, string> SeededReceipts => new()
    {
        { ReceiptSamples.Dog, 0, "de" },
        { ReceiptSamples.Dog, 1, "en" },
        { ReceiptSamples.Parking, 0, "de" },
        { ReceiptSamples.Parking, 0, "en" },
        { ReceiptSamples.Trade, 0, "de" },
        { ReceiptSamples.Trade, 1, "de" },
        { ReceiptSamples.Trade, 2, "en" },
        { ReceiptSamples.Trade, 3, "de" },
    };

    [Theory]
    [MemberData(nameof(SeededReceipts))]
    public void Render_SeededForm_ExtractsEveryLabelWithItsValueAndTheFingerprint(string form, int example, string language)
    {
        var receipt = ReceiptSamples.Compose(form, example, language);

        var pdf = Renderer.Render(receipt);

        var text = BodyText(pdf);
        Assert.Contains("EGOV-2026-000042", text, StringComparison.Ordinal);
        Assert.Contains(receipt.Verification!.Fingerprint, text, StringComparison.Ordinal);
        Assert.Contains(Squash(receipt.Verification.Url), text, StringComparison.Ordinal);
        Assert.Contains(Squash(receipt.Title.Text + receipt.Title.Subtitle), text, StringComparison.Ordinal);
        Assert.Contains(Squash(receipt.Authority.Name + string.Concat(receipt.Authority.AddressLines)), text, StringComparison.Ordinal);
        foreach (var field in receipt.Facts.Concat(receipt.Sections.SelectMany(s => s.Blocks).OfType<ReceiptField>()))
        {
            // The label (with its English subtitle) directly followed by the value.
            Assert.Contains(Squash(field.Label.Text + field.Label.Subtitle + field.Value), text, StringComparison.Ordinal);
        }

        foreach (var table in receipt.Sections.SelectMany(s => s.Blocks).OfType<ReceiptTable>())
        {
            Assert.Contains(Squash(table.Caption?.Text + string.Concat(table.Columns)), text, StringComparison.Ordinal);
            Assert.All(table.Rows, row => Assert.Contains(Squash(string.Concat(row)), text, StringComparison.Ordinal));
        }

        Assert.All(receipt.Sections.Where(s => s.Heading is not null), s =>
            Assert.Contains(Squash(s.Heading!.Text + s.Heading.Subtitle), text, StringComparison.Ordinal));
        Assert.InRange(pdf.Length, 10_000, 150 * 1024);
    }

    [Theory]
    [MemberData(nameof(SeededReceipts))]
    public void Render_SeededForm_HasPageXOfYOnEveryPage(string form, int example, string language)
    {
        var pdf = Renderer.Render(ReceiptSamples.Compose(form, example, language));

        var pages = PageTexts(pdf);
        var word = language == "en" ? ("Page", "of") : ("Seite", "von");
        Assert.All(pages.Select((text, i) => (text, i)), p =>
            Assert.EndsWith($"{word.Item1}{p.i + 1}{word.Item2}{pages.Count}", p.text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_With100LongFields_RunsOverSeveralPagesWithSeiteXVonYOnEach()
    {
        var form = SyntheticForms.ManyFields(100);
        var submission = new ReceiptSubmission("sammelantrag", 3, "EGOV-2026-000100", ReceiptSamples.SubmittedAt, SyntheticForms.ManyFieldsData(100), []);
        var receipt = ReceiptComposer.Compose(form, submission, "Erika Mustermann", ReceiptSamples.Authority, "de",
            ReceiptFingerprint.Compute(submission), ReceiptSamples.VerificationUrl(submission.ReferenceNumber));

        var pdf = Renderer.Render(receipt);

        var pages = PageTexts(pdf);
        Assert.InRange(pages.Count, 8, 40);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.EndsWith($"Seite{i + 1}von{pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(pages[i], "Seite[0-9]+von[0-9]+"));
        }

        var text = BodyText(pdf);
        for (var i = 1; i <= 100; i++)
        {
            Assert.Contains(Squash($"Angabe {i:000}" + SyntheticForms.LongText(i)), text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("de", "de-DE", "Eingangsbestätigung EGOV-2026-000042")]
    [InlineData("en", "en-GB", "Acknowledgement of receipt EGOV-2026-000042")]
    public void Render_SetsDocumentInformationLanguageAndTags(string language, string expectedLanguage, string expectedTitle)
    {
        var pdf = Renderer.Render(ReceiptSamples.Compose(ReceiptSamples.Trade, 0, language));

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(expectedTitle, document.Information.Title);
        Assert.Equal("Stadt Lüdenscheid – Der Bürgermeister", document.Information.Author);
        Assert.Equal("Gewerbeanmeldung (GewA 1) (gewerbeanmeldung-gewa1, Version 1)",
            language == "de" ? document.Information.Subject : document.Information.Subject!.Replace("Trade registration", "Gewerbeanmeldung", StringComparison.Ordinal));
        Assert.Equal("Egov", document.Information.Creator);
        Assert.Equal(expectedLanguage, Language(pdf));
        Assert.True(IsTagged(pdf));
        Assert.All(document.GetPages(), p => Assert.Equal(UglyToad.PdfPig.Content.PageSize.A4, p.Size));
    }
}
