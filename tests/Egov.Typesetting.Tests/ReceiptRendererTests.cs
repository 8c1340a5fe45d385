using Microsoft.Extensions.Logging;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfFontEncoding = PdfSharp.Pdf.PdfFontEncoding;
using UglyToad.PdfPig;
using static Egov.Typesetting.Tests.PdfReading;
using static Egov.Typesetting.Tests.SampleDocuments;

namespace Egov.Typesetting.Tests;

/// <summary>The typesetter's PDF: every text printed and extractable, inside the margins, tagged, the same bytes every time.</summary>
public sealed class ReceiptRendererTests
{
    /// <summary>The special characters a German receipt must print and extract (the quotes are U+201E U+201C U+201A U+2018).</summary>
    private const string SpecialCharacters = "Ä Ö Ü ä ö ü ß ẞ € § „ “ ‚ ‘ – — é è č ł ż ñ ø å";

    private static readonly ReceiptRenderer Renderer = new();

    [Fact]
    public void Render_Document_ExtractsEveryFactFieldTableHeadingAndTheFingerprint()
    {
        var receipt = Receipt();

        var pdf = Renderer.Render(receipt);

        var text = BodyText(pdf);
        Assert.Contains(receipt.Verification!.Fingerprint, text, StringComparison.Ordinal);
        Assert.Contains(Squash(receipt.Verification.Url), text, StringComparison.Ordinal);
        Assert.Contains(Squash(receipt.Title.Text + receipt.Title.Subtitle), text, StringComparison.Ordinal);
        Assert.Contains(Squash(receipt.Introduction.Text), text, StringComparison.Ordinal);
        Assert.Contains(Squash(receipt.Authority.Name + string.Concat(receipt.Authority.AddressLines)), text, StringComparison.Ordinal);
        foreach (var field in receipt.Facts.Concat(receipt.Sections.SelectMany(s => s.Blocks).OfType<ReceiptField>()))
        {
            // The label (with its English subtitle) directly followed by the value.
            Assert.Contains(Squash(field.Label.Text + field.Label.Subtitle + field.Value), text, StringComparison.Ordinal);
        }

        var table = receipt.Sections.SelectMany(s => s.Blocks).OfType<ReceiptTable>().Single();
        Assert.Contains(Squash(table.Caption!.Text + string.Concat(table.Columns)), text, StringComparison.Ordinal);
        Assert.All(table.Rows, row => Assert.Contains(Squash(string.Concat(row)), text, StringComparison.Ordinal));
        Assert.Contains(Squash("Die Anlagen werden mit dem Antrag aufbewahrt."), text, StringComparison.Ordinal);
        Assert.All(receipt.Sections, s => Assert.Contains(Squash(s.Heading!.Text + s.Heading.Subtitle), text, StringComparison.Ordinal));
        Assert.EndsWith("Seite1von1", Assert.Single(PageTexts(pdf)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithSpecialCharacters_PrintsAndExtractsEveryOne()
    {
        var pdf = Renderer.Render(Receipt(SpecialCharacters, authorityName: SpecialCharacters));

        var text = BodyText(pdf);
        Assert.Contains(Squash("Familienname" + "Surname" + SpecialCharacters), text, StringComparison.Ordinal);
        Assert.All(SpecialCharacters.Where(c => c != ' '), c => Assert.Contains(c, text));
        Assert.DoesNotContain('\uFFFD', text);
    }

    [Fact]
    public void Render_With100LongFields_RunsOverSeveralPagesWithSeiteXVonYOnEach()
    {
        static string Long(int i) => string.Join(' ', Enumerable.Repeat($"Angabe Nummer {i} mit einem längeren Text, der umbrechen muss.", 4));

        var pdf = Renderer.Render(Receipt(fields: 100, fieldValue: Long));

        var pages = PageTexts(pdf);
        Assert.InRange(pages.Count, 4, 40);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.EndsWith($"Seite{i + 1}von{pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(pages[i], "Seite[0-9]+von[0-9]+"));
        }

        var text = BodyText(pdf);
        for (var i = 1; i <= 100; i++)
        {
            Assert.Contains(Squash($"Angabe {i:000}" + Long(i)), text, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "carriage returns", "Zeile eins\rZeile zwei\r\nZeile drei\n\n\n\nZeile vier" },
        { "tabs", "Spalte\tSpalte\t\t\tSpalte" + new string('\t', 400) + "Ende" },
        { "10,000 characters without a space", new string('W', 10_000) },
        { "10,000 characters of words", string.Concat(Enumerable.Repeat("Donaudampfschifffahrtsgesellschaftskapitänsmütze ", 205))[..10_000] },
        { "Arabic and Hebrew", "عبد الله بن محمد – شارع الملك فهد 12، الرياض / שלום עולם, רחוב הרצל 5, תל אביב" },
        { "emoji", "Bello 🐕😀👍🏽 ist brav 👨‍👩‍👧" },
        { "CJK and other scripts the font lacks", "王小明 東京都 김철수 ᚠᛇᚻ" },
        { "combining marks", "Zoë Ångström Łódź S\u0323\u0307 a\u0301\u0301\u0301\u0301" },
        { "control and format characters", "A\u0000B\u0007C\u200BD\u200EE\u202EF\uFEFFG\u00ADH" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Render_WithBadInput_KeepsEveryLetterInsideTheMargins(string name, string value)
    {
        var pdf = Renderer.Render(Receipt(value, fieldValue: _ => value, authorityName: value));

        const double tolerance = 0.5;
        var margin = ReceiptPageFlow.Margin;
        var letters = Letters(pdf);
        Assert.NotEmpty(letters);
        Assert.All(letters, l =>
        {
            var box = l.Letter.BoundingBox;
            Assert.True(
                box.Left >= margin - tolerance && box.Right <= l.Width - margin + tolerance
                && box.Bottom >= margin - tolerance && box.Top <= l.Height - margin + tolerance,
                $"{name}: '{l.Letter.Value}' on page {l.Page} at {box} lies outside the margins.");
        });
    }

    [Fact]
    public void Render_WithLineBreaksAndTabs_PrintsEveryLineAndWord()
    {
        var pdf = Renderer.Render(Receipt("Zeile eins\rZeile zwei\r\nZeile drei\tEnde"));

        using var document = PdfDocument.Open(pdf);
        // Lines of the value column (right of the labels), grouped by baseline.
        var lines = document.GetPages().SelectMany(p => p.Letters.Where(l => l.StartBaseLine.X > 220).GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .Select(g => string.Concat(g.Select(l => l.Value)))).ToList();
        Assert.Contains("Zeile eins", lines);
        Assert.Contains("Zeile zwei", lines);
        Assert.Contains("Zeile drei Ende", lines);
    }

    [Fact]
    public void Render_With10000CharacterValue_PrintsAllOfItAcrossPages()
    {
        var value = string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i % 10}ABCDEFGHI"));
        var pdf = Renderer.Render(Receipt(value));

        Assert.Contains("FamiliennameSurname" + value, BodyText(pdf), StringComparison.Ordinal);
        Assert.True(PageTexts(pdf).Count >= 4);
    }

    [Fact]
    public void Render_WithRightToLeftText_PrintsItInLogicalOrder()
    {
        var text = BodyText(Renderer.Render(Receipt("שלום עולם", fields: 1, fieldValue: _ => "مرحبا بالعالم")));

        Assert.Contains("שלוםעולם", text, StringComparison.Ordinal);
        Assert.Contains("مرحبابالعالم", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithCharactersTheFontLacks_ReplacesThemAndWarnsOncePerCharacter()
    {
        var logger = new ListLogger<ReceiptRenderer>();
        var renderer = new ReceiptRenderer(logger);
        var first = renderer.Render(Receipt("Hund 中中 😀 Ende"));
        renderer.Render(Receipt("Hund 中中 😀 Ende"));

        var text = BodyText(first);
        Assert.Contains("Hund\uFFFD\uFFFD\uFFFDEnde", text, StringComparison.Ordinal);
        Assert.DoesNotContain('中', text);
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Single(warnings, w => w.Contains("U+4E2D", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains("U+1F600", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_QrCode_DecodesToTheVerificationUrl()
    {
        var receipt = Receipt();

        var pdf = Renderer.Render(receipt);

        Assert.Equal([receipt.Verification!.Url], QrCodes(pdf));
    }

    [Fact]
    public void Render_SetsDocumentInformationLanguageAndTags()
    {
        var pdf = Renderer.Render(Receipt());

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Eingangsbestätigung EGOV-2026-000042", document.Information.Title);
        Assert.Equal("Stadt Lüdenscheid – Der Bürgermeister", document.Information.Author);
        Assert.Equal("Hundesteuer-Anmeldung, Version 1", document.Information.Subject);
        Assert.Equal("Egov", document.Information.Creator);
        Assert.Equal("de-DE", Language(pdf));
        Assert.True(IsTagged(pdf));
        Assert.All(document.GetPages(), p => Assert.Equal(UglyToad.PdfPig.Content.PageSize.A4, p.Size));
    }

    [Fact]
    public void Render_TagsHeadingsTablesWithScopedHeaderCellsSubtitlesAndTheQrCodeWithAltText()
    {
        var pdf = Renderer.Render(Receipt());

        // PDFsharp writes structure elements as plain (uncompressed) objects.
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(raw, "/S/H1[/>]"));
        Assert.Contains("/S/H2", raw, StringComparison.Ordinal);
        Assert.Contains("/S/TH/A<</O/Table/Scope/Row>>", raw, StringComparison.Ordinal);
        Assert.Contains("/S/TH/A<</O/Table/Scope/Column>>", raw, StringComparison.Ordinal);
        Assert.Contains("/S/TD", raw, StringComparison.Ordinal);
        Assert.Contains("/S/Span/Lang(en-GB)", raw, StringComparison.Ordinal);
        Assert.Contains("/S/Figure", raw, StringComparison.Ordinal);
        Assert.Contains("/Alt(QR-Code mit der Prüfadresse https://egov.luedenscheid.example/api/v1/receipts/verify?reference=EGOV-2026-000042)", raw, StringComparison.Ordinal);
        Assert.All(ContentStreams(pdf), content => Assert.Matches("/Artifact +BMC", content));
    }

    [Fact]
    public async Task Render_SameReceiptTwiceAtDifferentMoments_GivesTheSameBytes()
    {
        // Receipts are rendered after the submission commits, by whichever host instance gets there
        // first, and again on demand: every rendering of one receipt must be the same file.
        var receipt = Receipt(fields: 60);

        var first = Renderer.Render(receipt);
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        var second = new ReceiptRenderer().Render(receipt);

        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(first)), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(second)));
    }

    [Fact]
    public void Render_SmallerReceiptAfterALargerOneOnTheSameThread_IsTheSameFileAsOnAFreshThread()
    {
        // The renderer keeps an output buffer per thread: nothing of an earlier, longer receipt may
        // remain in a later one.
        var large = Receipt(fields: 60);
        var small = Receipt(fields: 1);
        byte[] first = [];
        byte[] afterLarge = [];
        byte[] fresh = [];

        var reused = new Thread(() =>
        {
            first = Renderer.Render(large);
            afterLarge = Renderer.Render(small);
        });
        reused.Start();
        reused.Join();
        var other = new Thread(() => fresh = Renderer.Render(small));
        other.Start();
        other.Join();

        Assert.True(first.Length > fresh.Length, $"The first receipt ({first.Length} bytes) must be the longer one ({fresh.Length} bytes).");
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(fresh)), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(afterLarge)));
    }

    [Fact]
    public void Render_LatinText_EmbedsOnlyTheLatinFaceSubsets()
    {
        var pdf = Renderer.Render(Receipt(SpecialCharacters, authorityName: SpecialCharacters));

        var fonts = Letters(pdf).Select(l => l.Letter.FontName).Distinct().ToList();
        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+DejaVu Sans Latin(,Bold)?$", f));
    }

    [Theory]
    [InlineData("Олена Шевченко")]
    [InlineData("Γιώργος Παπαδόπουλος")]
    [InlineData("Bello שלום")]
    public void Render_WithTextOutsideTheLatinFaces_EmbedsTheFullFacesAndPrintsIt(string name)
    {
        var pdf = Renderer.Render(Receipt(name));

        var fonts = Letters(pdf).Select(l => l.Letter.FontName).Distinct().ToList();
        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+DejaVu Sans(,Bold)?$", f));
        Assert.Contains("FamiliennameSurname" + Squash(name), BodyText(pdf), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LatinFaces_HaveTheFullFacesAdvanceForEveryCharacter(bool bold)
    {
        // The layout measures with the full face; text drawn in the Latin face must land where it was laid out.
        ReceiptFontResolver.EnsureRegistered();
        var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var latin = new XFont(ReceiptFontResolver.LatinFamilyName, 1000, style, options);
        var full = new XFont(ReceiptFontResolver.FamilyName, 1000, style, options);
        var measure = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);

        var inLatin = Enumerable.Range(0x20, 0xFFFE - 0x20)
            .Where(c => c is < 0xD800 or > 0xDFFF && GlyphHelper.GlyphIndexFromCodePoint(c, latin) != 0)
            .ToList();

        Assert.InRange(inLatin.Count, 1000, 1300);
        Assert.All("ÄÖÜäöüßẞ€§„“‚‘–—éèčłżñøåșțğı\uFFFD", c => Assert.Contains((int)c, inLatin));
        Assert.All(inLatin, c => Assert.Equal(
            measure.MeasureString(char.ConvertFromUtf32(c), full).Width,
            measure.MeasureString(char.ConvertFromUtf32(c), latin).Width));
    }

    [Fact]
    public async Task Render_ManyReceiptsAtOnce_AllCompleteWithTheirOwnContent()
    {
        var receipts = Enumerable.Range(0, 12)
            .Select(i => Receipt($"Mustermann {i}", reference: $"EGOV-2026-{i + 1:000000}", fields: 1 + (20 * (i % 3))))
            .ToList();

        var pdfs = await Task.WhenAll(receipts.Select(r => Task.Run(() => Renderer.Render(r), TestContext.Current.CancellationToken)));

        for (var i = 0; i < pdfs.Length; i++)
        {
            var text = BodyText(pdfs[i]);
            Assert.Contains($"EGOV-2026-{i + 1:000000}", text, StringComparison.Ordinal);
            Assert.Contains(receipts[i].Verification!.Fingerprint, text, StringComparison.Ordinal);
        }
    }
}
