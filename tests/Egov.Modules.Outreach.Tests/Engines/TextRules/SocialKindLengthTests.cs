using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>
/// The new kinds' own counting and limits: Threads counts an emoji by its UTF-8 bytes (500); LinkedIn counts the
/// commentary as sent, reserved characters escaped (3,000); Instagram 2,200 characters, 30 hashtags, an image required;
/// Facebook 63,206.
/// </summary>
public sealed class SocialKindLengthTests
{
    private static readonly CheckedMedia Jpeg = new("bild.jpg", "Rathaus", "image/jpeg", 50_000);

    private readonly PostChecker _checker = new(new CheckPolicy());

    [Theory]
    [InlineData("ä", 1)]
    [InlineData("🚧", 4)]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467", 18)]
    [InlineData("❤️", 6)]
    [InlineData("Straße 🚧!", 12)]
    public void Threads_CountsEachEmojiByItsUtf8BytesAndOtherCharactersAsOne(string text, int expected) =>
        Assert.Equal(expected, TextLength.Threads(text));

    [Fact]
    public void Check_Threads_496LettersAndOneEmojiPass_497DoNot()
    {
        var fits = _checker.Check(Requests.Post(OutreachChannelKinds.Threads, new string('a', 496) + "🚧"));
        var over = _checker.Check(Requests.Post(OutreachChannelKinds.Threads, new string('a', 497) + "🚧"));

        Assert.True(fits.Passes);
        Assert.Equal((500, 500, LengthUnit.ThreadsCharacters), (fits.Count, fits.Limit, fits.Unit));
        Assert.Equal(FindingCodes.Length, Assert.Single(over.Findings).Code);
        Assert.Contains("each emoji by its UTF-8 bytes", over.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkedInEscape_EscapesReservedCharacters_ButNotHashtagsOrUrls()
    {
        Assert.Equal(
            "Rat \\(Sitzung\\) \\[TOP 3\\] \\@Presse a\\_b \\# #Stadtrat https://x.example/a_(b)",
            LinkedInLittleText.Escape("Rat (Sitzung) [TOP 3] @Presse a_b # #Stadtrat https://x.example/a_(b)"));
    }

    [Fact]
    public void Check_LinkedIn_CountsTheEscapes_So2999WithOneParenthesisIsTooLong()
    {
        var plain = _checker.Check(Requests.Post(OutreachChannelKinds.LinkedIn, new string('a', 3000)));
        var escaped = _checker.Check(Requests.Post(OutreachChannelKinds.LinkedIn, new string('a', 2999) + "("));

        Assert.True(plain.Passes);
        Assert.Equal(3001, escaped.Count);
        Assert.False(escaped.Passes);
    }

    [Fact]
    public void Check_Instagram_WithoutImage_BlocksAsMediaRequired()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Instagram, "Nur Text"));

        Assert.Equal(FindingCodes.MediaRequired, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Check_Instagram_2200CharactersPass_2201Block()
    {
        Assert.True(_checker.Check(Requests.Post(OutreachChannelKinds.Instagram, new string('a', 2199) + "ä", media: [Jpeg])).Passes);
        var over = _checker.Check(Requests.Post(OutreachChannelKinds.Instagram, new string('a', 2200) + "!", media: [Jpeg]));
        Assert.Equal(FindingCodes.Length, Assert.Single(over.Findings).Code);
    }

    [Fact]
    public void Check_Instagram_30HashtagsPass_31Block_RepeatedTagsCountAndUrlFragmentsDoNot()
    {
        var thirty = string.Join(' ', Enumerable.Range(1, 29).Select(i => $"#tag{i}")) + " #tag1 https://x.example/#anker a#b";
        var thirtyOne = thirty + " #mehr";

        Assert.True(_checker.Check(Requests.Post(OutreachChannelKinds.Instagram, thirty, media: [Jpeg])).Passes);
        var over = _checker.Check(Requests.Post(OutreachChannelKinds.Instagram, thirtyOne, media: [Jpeg]));
        var finding = Assert.Single(over.Findings);
        Assert.Equal(FindingCodes.HashtagCount, finding.Code);
        Assert.Contains("31 hashtags", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Instagram_APng_BlocksAsMediaType()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Instagram, "Bild", media: [Jpeg with { ContentType = "image/png", FileName = "karte.png" }]));

        Assert.Equal(FindingCodes.MediaType, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Check_Facebook_CountsUtf16CodeUnits_SoAnEmojiCountsTwo()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Facebook, new string('a', 63_205) + "🚧"));

        Assert.Equal((63_207, 63_206, LengthUnit.Utf16CodeUnits), (result.Count, result.Limit, result.Unit));
        Assert.False(result.Passes);
    }
}
