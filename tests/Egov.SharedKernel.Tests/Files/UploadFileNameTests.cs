using Egov.SharedKernel.Files;

namespace Egov.SharedKernel.Tests.Files;

/// <summary>Upload file names as the caseworker and the editor see them: no spoofing, no paths, no invisible characters.</summary>
public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("Fahrzeugschein\u202Egnp.exe", "Fahrzeugscheingnp.exe")]
    [InlineData("Rechnung\u202Dfdp.exe", "Rechnungfdp.exe")]
    [InlineData("\u202AScan\u202C.pdf", "Scan.pdf")]
    [InlineData("\u2066Scan\u2069\u2067.pdf\u2068", "Scan.pdf")]
    [InlineData("Scan\u200E\u200F\u061C.pdf", "Scan.pdf")]
    public void Sanitize_WhenBidiControls_RemovesThemSoTheRealExtensionShows(string name, string expected)
    {
        Assert.Equal(expected, UploadFileName.Sanitize(name));
    }

    [Theory]
    [InlineData("Sc\u200Ban\u200C\u200D\u2060\uFEFF.pdf", "Scan.pdf")]
    [InlineData("Scan\u00AD.pdf", "Scan.pdf")]
    [InlineData("Scan\u0000\u0007\u001B[31m.pdf", "Scan[31m.pdf")]
    [InlineData("Scan\u0085\u009B.pdf", "Scan.pdf")]
    [InlineData("Scan\r\n\t.pdf", "Scan.pdf")]
    [InlineData("Scan\u2028\u2029.pdf", "Scan.pdf")]
    public void Sanitize_WhenFormatOrControlCharacters_RemovesThem(string name, string expected)
    {
        Assert.Equal(expected, UploadFileName.Sanitize(name));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\Erika\\Versicherung?neu*.pdf", "Versicherungneu.pdf")]
    [InlineData("a<b>c:d\"e|f.pdf", "abcdef.pdf")]
    [InlineData("..\u202E/..\\secret.pdf", "secret.pdf")]
    public void Sanitize_WhenPathOrCharactersFileSystemsRefuse_KeepsTheLastSegmentWithoutThem(string name, string expected)
    {
        Assert.Equal(expected, UploadFileName.Sanitize(name));
    }

    [Fact]
    public void Sanitize_WhenDecomposed_IsNfc()
    {
        var sanitized = UploadFileName.Sanitize("Bescheinigung Mu\u0308ller.pdf", "file");

        Assert.Equal("Bescheinigung M\u00FCller.pdf", sanitized);
    }

    [Theory]
    [InlineData("  .hidden.pdf  ", "hidden.pdf")]
    [InlineData("Scan .pdf. . ", "Scan .pdf")]
    [InlineData("Mein\u00A0\u00A0Scan\u3000neu.pdf", "Mein Scan neu.pdf")]
    [InlineData("Mein    Scan.pdf", "Mein Scan.pdf")]
    public void Sanitize_WhenWhiteSpaceOrDots_TrimsAndCollapsesToOneSpace(string name, string expected)
    {
        Assert.Equal(expected, UploadFileName.Sanitize(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u202E\u200B\u0000")]
    [InlineData("...")]
    [InlineData("/")]
    [InlineData("upload/")]
    public void Sanitize_WhenNothingIsLeft_GivesTheFallback(string? name)
    {
        Assert.Equal("image", UploadFileName.Sanitize(name, "image"));
    }

    [Fact]
    public void Sanitize_WhenLoneSurrogate_DropsItInsteadOfThrowing()
    {
        Assert.Equal("Scan.pdf", UploadFileName.Sanitize("Scan\uD800.pdf", "file"));
    }

    [Fact]
    public void Sanitize_WhenTooLong_CutsTheStemAndKeepsTheExtension()
    {
        var sanitized = UploadFileName.Sanitize(new string('a', 300) + ".pdf", "file");

        Assert.Equal(UploadFileName.MaxLength, sanitized.Length);
        Assert.EndsWith("aaa.pdf", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_WhenTooLongAndTheCutFallsInsideAnEmoji_NeverSplitsACharacter()
    {
        // U+1F600 is two UTF-16 code units; a cut in between would leave a lone surrogate (invalid UTF-8 in PostgreSQL).
        var sanitized = UploadFileName.Sanitize("a" + string.Concat(Enumerable.Repeat("\U0001F600", 100)) + ".png", "file");

        Assert.True(sanitized.Length <= UploadFileName.MaxLength, $"{sanitized.Length} characters");
        Assert.EndsWith("\U0001F600.png", sanitized, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Text.Rune.ReplacementChar, sanitized.EnumerateRunes());
    }

    [Fact]
    public void Sanitize_WhenTooLongWithAnOverlongExtension_CutsItAll()
    {
        var sanitized = UploadFileName.Sanitize("scan." + new string('x', 300), "file");

        Assert.Equal(UploadFileName.MaxLength, sanitized.Length);
        Assert.StartsWith("scan.xxx", sanitized, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bescheinigung (Kopie) 2026-01-15.pdf")]
    [InlineData("Straßenplan_Süd.png")]
    [InlineData("写真.jpg")]
    [InlineData("صورة.jpg")]
    public void Sanitize_WhenOrdinaryName_KeepsItUnchanged(string name)
    {
        Assert.Equal(name, UploadFileName.Sanitize(name));
    }
}
