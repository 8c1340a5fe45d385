using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>
/// Mastodon counts as its StatusLengthValidator does: grapheme clusters of content warning plus text, every
/// URL as characters_reserved_per_url, a mention's domain free; the limit is the instance's max_characters.
/// </summary>
public sealed class MastodonLengthTests
{
    private readonly PostChecker _checker = new(new CheckPolicy());

    [Fact]
    public void Mastodon_When499LettersAndOneZwjEmoji_Counts500()
    {
        var text = new string('a', 499) + Requests.FamilyEmoji;

        Assert.Equal(500, TextLength.Mastodon(text, 23));
    }

    [Fact]
    public void Check_When500CharactersWithEmojiOnMastodonSocial_Passes()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, new string('a', 499) + Requests.FamilyEmoji));

        Assert.Equal((500, 500, LengthUnit.MastodonCharacters), (result.Count, result.Limit, result.Unit));
        Assert.True(result.Passes);
    }

    [Fact]
    public void Check_When501CharactersOnMastodonSocial_BlocksOnLength()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, new string('a', 500) + Requests.FamilyEmoji));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.Length, FindingSeverity.Blocking), (finding.Code, finding.Severity));
        Assert.Contains("501", finding.Message, StringComparison.Ordinal);
        Assert.Contains("500", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Passes);
    }

    [Theory]
    [InlineData("https://example.org")]
    [InlineData("https://www.stadt-beispiel.de/rathaus/buergerservice/termine?anliegen=personalausweis&standort=mitte#buchen")]
    [InlineData("http://example.org/a/b/")]
    public void Mastodon_When476LettersSpaceAndUrl_Counts500WhateverTheUrlLength(string url)
    {
        var text = new string('a', 476) + " " + url;

        Assert.Equal(476 + 1 + 23, TextLength.Mastodon(text, 23));
    }

    [Theory]
    [InlineData("Siehe https://example.org.", 6 + 23 + 1)]
    [InlineData("(https://example.org/termine)", 1 + 23 + 1)]
    [InlineData("https://de.wikipedia.org/wiki/Rathaus_(Gebäude)", 23)]
    [InlineData("https://example.org/?q=1,", 23 + 1)]
    [InlineData("www.example.org", 15)]
    [InlineData("xhttps://example.org", 20)]
    public void Mastodon_WhenUrlHasSurroundingPunctuation_CountsOnlyWhatMastodonTakesAsUrl(string text, int expected) =>
        Assert.Equal(expected, TextLength.Mastodon(text, 23));

    [Fact]
    public void Mastodon_WhenUrlLongerThanReservation_UsesTheInstanceReservation()
    {
        Assert.Equal(30, TextLength.Mastodon("https://example.org", 30));
    }

    [Fact]
    public void Mastodon_WhenRemoteMention_CountsOnlyAtUser()
    {
        Assert.Equal(6, TextLength.Mastodon("@stadt@social.example.org", 23));
        Assert.Equal("Danke @stadt!".Length, TextLength.Mastodon("Danke @stadt@social.example.org!", 23));
    }

    [Fact]
    public void Mastodon_WhenMentionFollowedByAccentedLetter_IsNoMentionAndCountsInFull()
    {
        Assert.Equal("@müller@social.example.org".Length, TextLength.Mastodon("@müller@social.example.org", 23));
    }

    [Fact]
    public void Check_WhenContentWarningPushesOverTheLimit_BlocksOnLength()
    {
        var text = new string('a', 490);

        var without = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, text));
        var with = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, text, contentWarning: "Baustelle 1"));

        Assert.Equal(490, without.Count);
        Assert.True(without.Passes);
        Assert.Equal(501, with.Count);
        Assert.Equal(FindingCodes.Length, Assert.Single(with.Findings).Code);
    }

    [Fact]
    public void FromMastodonInstance_WhenMastodonSocialDocument_ReadsItsLimits()
    {
        var capabilities = ChannelCapabilities.FromMastodonInstance(MastodonInstanceDocuments.MastodonSocial());

        Assert.Equal(
            (500, 23, 4, LengthUnit.MastodonCharacters, true),
            (capabilities.MaxLength, capabilities.CharactersReservedPerUrl, capabilities.MaxMedia, capabilities.LengthUnit, capabilities.SupportsAltText));
    }

    [Fact]
    public void Check_WhenInstanceAllows1000Characters_Passes700ThatMastodonSocialBlocks()
    {
        var larger = ChannelCapabilities.FromMastodonInstance(MastodonInstanceDocuments.WithMaxCharacters(1000));
        var text = new string('a', 700);

        var onMastodonSocial = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, text));
        var onLarger = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, text, capabilities: larger));

        Assert.Equal(1000, larger.MaxLength);
        Assert.Equal(500, onMastodonSocial.Limit);
        Assert.False(onMastodonSocial.Passes);
        Assert.Equal(1000, onLarger.Limit);
        Assert.True(onLarger.Passes);
    }

    [Theory]
    [InlineData("max_characters")]
    [InlineData("characters_reserved_per_url")]
    [InlineData("max_media_attachments")]
    public void FromMastodonInstance_WhenMemberMissing_ThrowsFormatExceptionNamingIt(string member)
    {
        var document = MastodonInstanceDocuments.Edited(statuses => statuses.Remove(member));

        var exception = Assert.Throws<FormatException>(() => ChannelCapabilities.FromMastodonInstance(document));

        Assert.Contains("configuration.statuses." + member, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMastodonInstance_WhenMaxCharactersIsText_ThrowsFormatException()
    {
        var document = MastodonInstanceDocuments.Edited(statuses => statuses["max_characters"] = "500");

        Assert.Throws<FormatException>(() => ChannelCapabilities.FromMastodonInstance(document));
    }
}
