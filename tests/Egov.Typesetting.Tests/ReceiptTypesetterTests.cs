using Egov.Typesetting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Egov.Typesetting.Tests;

public sealed class ReceiptTypesetterTests
{
    private readonly ReceiptTypesetter _typesetter = new(NullLogger.Instance, new());

    [Theory]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("Spalte\tSpalte", "Spalte Spalte")]
    [InlineData("Zero\u200Bwidth\u200Ejoin\uFEFFer\u00AD", "Zerowidthjoiner")]
    [InlineData("Nul\u0000Bell\u0007", "NulBell")]
    [InlineData("Hund 😀 中", "Hund \uFFFD \uFFFD")]
    [InlineData("Ä Ö Ü ß ẞ € „“ ‚‘ – — č ł ż ø", "Ä Ö Ü ß ẞ € „“ ‚‘ – — č ł ż ø")]
    [InlineData("שלום مرحبا", "שלום مرحبا")]
    public void Clean_AnyText_KeepsWhatTheFontShowsAndNormalisesTheRest(string text, string expected)
    {
        Assert.Equal(expected, _typesetter.Clean(text, bold: false));
    }

    [Fact]
    public void Wrap_LongUrl_BreaksAfterSeparatorsAndNeverExceedsTheWidth()
    {
        const string url = "https://egov.luedenscheid.example/api/v1/receipts/verify?reference=EGOV-2026-000042&fingerprint=26cee4cd0cc0d47cd4dc06539e4261fb";
        var style = ReceiptTextStyle.Of.Value;

        var lines = _typesetter.Wrap(url, style, 150);

        Assert.True(lines.Count >= 3);
        Assert.Equal(url, string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines, l => Assert.True(ReceiptTypesetter.Width(l.Text, style) <= 150, $"'{l.Text}' is wider than 150 pt."));
        // The address breaks after separators; only the long hex run at its end breaks anywhere.
        Assert.All(lines.Take(3), l => Assert.Contains(l.Text[^1], "/?&=-_.@,;:"));
    }

    [Fact]
    public void Wrap_Words_BreaksAtSpacesAndIndentsByLeadingSpaces()
    {
        var style = ReceiptTextStyle.Of.Value;

        var lines = _typesetter.Wrap("Straße: Heidestraße\n    Postfach: 1234 in 58507 Lüdenscheid an der Lenne im Märkischen Kreis", style, 150);

        Assert.Equal("Straße: Heidestraße", lines[0].Text);
        Assert.Equal(0, lines[0].Indent);
        Assert.All(lines.Skip(1), l => Assert.Equal(4 * ReceiptTypesetter.Width(" ", style), l.Indent, 3));
        Assert.All(lines.Skip(1), l => Assert.True(ReceiptTypesetter.Width(l.Text, style) + l.Indent <= 150));
        Assert.Equal("Postfach: 1234 in 58507 Lüdenscheid an der Lenne im Märkischen Kreis", string.Join(' ', lines.Skip(1).Select(l => l.Text)));
    }
}
