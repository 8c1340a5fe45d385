using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>
/// Bluesky: 300 grapheme clusters and 3000 UTF-8 bytes, both. Telegram: 4096 code points of the text after
/// entity parsing (1024 as a caption), HTML-escaped when sent.
/// </summary>
public sealed class BlueskyAndTelegramLengthTests
{
    private readonly PostChecker _checker = new(new CheckPolicy());

    [Fact]
    public void BlueskyGraphemes_WhenZwjFamilyEmoji_IsOneGraphemeOf25Bytes()
    {
        Assert.Equal(1, TextLength.BlueskyGraphemes(Requests.FamilyEmoji));
        Assert.Equal(25, TextLength.Utf8Bytes(Requests.FamilyEmoji));
    }

    [Fact]
    public void Check_When300GraphemesOnBluesky_PassesAndReportsBothCounts()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Bluesky, new string('ä', 299) + Requests.FamilyEmoji));

        Assert.True(result.Passes);
        Assert.Equal((300, 300, LengthUnit.GraphemeClusters), (result.Count, result.Limit, result.Unit));
        Assert.Equal((299 * 2) + 25, result.Bytes);
        Assert.Equal(3000, result.ByteLimit);
    }

    [Fact]
    public void Check_When301GraphemesOnBluesky_BlocksOnLength()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Bluesky, new string('a', 301)));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.Length, FindingSeverity.Blocking), (finding.Code, finding.Severity));
        Assert.Equal(301, result.Count);
    }

    [Fact]
    public void Check_When300GraphemesOver3000BytesOnBluesky_BlocksOnBytesOnly()
    {
        var text = string.Concat(Enumerable.Repeat(Requests.FamilyEmoji, 300));

        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Bluesky, text));

        Assert.Equal((300, 7500), (result.Count, result.Bytes));
        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.LengthBytes, FindingSeverity.Blocking), (finding.Code, finding.Severity));
        Assert.Contains("7500", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_WhenLessThanAmpersandGreaterThan_ReplacesThemWithEntities()
    {
        Assert.Equal("a &lt;b&gt; &amp; \"c\" 'd' &amp;amp;", TelegramHtml.Escape("a <b> & \"c\" 'd' &amp;"));
    }

    [Fact]
    public void Telegram_WhenEmojiOutsideTheBmp_CountsOneCodePointNotTwoUtf16Units()
    {
        const string text = "Hallo 👋";

        Assert.Equal(8, text.Length);
        Assert.Equal(7, TextLength.Telegram(text));
    }

    [Fact]
    public void Check_WhenTelegramTextHasMarkupCharacters_CountsThePlainTextAndSendsItEscaped()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Telegram, "A < B & C"));

        Assert.Equal(9, result.Count);
        Assert.Equal("A < B & C", result.ExactText);
        Assert.Equal("A &lt; B &amp; C", result.SentText);
    }

    [Fact]
    public void Check_When4096EmojiOnTelegram_Passes()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 4096));

        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Telegram, text));

        Assert.Equal(8192, text.Length);
        Assert.Equal((4096, 4096), (result.Count, result.Limit));
        Assert.True(result.Passes);
    }

    [Fact]
    public void Check_When4097CharactersOnTelegram_BlocksOnLength()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Telegram, new string('a', 4097)));

        Assert.Equal(FindingCodes.Length, Assert.Single(result.Findings).Code);
        Assert.False(result.Passes);
    }

    [Fact]
    public void Check_WhenTelegramPostHasAPhoto_HoldsTheTextToTheCaptionLimit()
    {
        var media = new[] { Requests.Image("rathaus.jpg", altText: null) };

        var fits = _checker.Check(Requests.Post(OutreachChannelKinds.Telegram, new string('a', 1024), media: media));
        var tooLong = _checker.Check(Requests.Post(OutreachChannelKinds.Telegram, new string('a', 1025), media: media));

        Assert.True(fits.Passes);
        Assert.Equal(1024, tooLong.Limit);
        var finding = Assert.Single(tooLong.Findings);
        Assert.Equal(FindingCodes.Length, finding.Code);
        Assert.Contains("caption", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenAppPushLongerThan240_WarnsAndPasses()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.AppPush, new string('a', 241)));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.Length, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.True(result.Passes);
    }

    [Fact]
    public void Check_WhenAppPushOver3072Bytes_Blocks()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.AppPush, string.Concat(Enumerable.Repeat(Requests.FamilyEmoji, 123))));

        Assert.Contains(result.Findings, finding => finding.Code == FindingCodes.LengthBytes && finding.Severity == FindingSeverity.Blocking);
        Assert.False(result.Passes);
    }
}
