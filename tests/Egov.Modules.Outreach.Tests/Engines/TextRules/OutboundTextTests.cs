using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>The exact text sent: text trimmed at the end, blank line, link, blank line, normalised hashtags.</summary>
public sealed class OutboundTextTests
{
    [Fact]
    public void Compose_WhenTextLinkAndHashtags_JoinsThemWithBlankLines()
    {
        var text = OutboundText.Compose(
            "Das Bürgeramt öffnet am Samstag.  \n",
            " https://stadt-beispiel.de/buergeramt ",
            ["Bürgeramt", "#Samstag", "##Beispiel Stadt", " # ", ""]);

        Assert.Equal("Das Bürgeramt öffnet am Samstag.\n\nhttps://stadt-beispiel.de/buergeramt\n\n#Bürgeramt #Samstag #BeispielStadt", text);
    }

    [Fact]
    public void Compose_WhenNoLink_PutsHashtagsAfterOneBlankLine()
    {
        Assert.Equal("Hinweis\n\n#Stadt", OutboundText.Compose("Hinweis", null, ["Stadt"]));
    }

    [Fact]
    public void Compose_WhenOnlyText_IsTheTextTrimmedAtTheEndOnly()
    {
        Assert.Equal("  Hinweis", OutboundText.Compose("  Hinweis \t\n", "  ", []));
    }

    [Fact]
    public void Compose_WhenTextBlank_StartsWithTheLink()
    {
        Assert.Equal("https://stadt-beispiel.de", OutboundText.Compose(" ", "https://stadt-beispiel.de", []));
    }

    [Fact]
    public void Compose_WhenTextHasHtmlCharacters_ReturnsThePlainTextUnescaped()
    {
        Assert.Equal("Fisch & Chips <heute>", OutboundText.Compose("Fisch & Chips <heute>", null, []));
    }
}
