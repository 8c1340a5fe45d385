using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>The guideline checks on one channel's variant, run on the exact text that channel is sent.</summary>
public sealed class PostCheckerTests
{
    private const string CouncilLetterFooter =
        "Rückfragen: Max Beispiel, Mobil 0151 23456789, max.beispiel@stadt-beispiel.de, IBAN DE89 3704 0044 0532 0130 00";

    private const string Imprint = "https://stadt-beispiel.de/impressum";

    private readonly PostChecker _checker = new(new CheckPolicy
    {
        BannedTerms = ["Wahlempfehlung", "idiot*"],
        PersonalDataDenyList = ["Erika Mustermann"],
        ImprintUrl = Imprint,
    });

    public static TheoryData<string> ChannelKinds => [OutreachChannelKinds.Mastodon, OutreachChannelKinds.Telegram, OutreachChannelKinds.Bluesky, OutreachChannelKinds.Webhook, OutreachChannelKinds.AppPush];

    [Theory]
    [MemberData(nameof(ChannelKinds))]
    public void Check_WhenPublicPostCarriesCouncilLetterFooter_BlocksOnPhoneEmailAndIbanNamingEach(string channelKind)
    {
        var result = _checker.Check(Requests.Post(channelKind, CouncilLetterFooter));

        Assert.Equal(
            [
                (FindingCodes.PersonalDataPhone, "0151 23456789", 32),
                (FindingCodes.PersonalDataEmail, "max.beispiel@stadt-beispiel.de", 47),
                (FindingCodes.PersonalDataIban, "DE89 3704 0044 0532 0130 00", 84),
            ],
            result.Findings.Select(finding => (finding.Code, finding.Match!, finding.Index!.Value)));
        Assert.All(result.Findings, finding => Assert.Equal(FindingSeverity.Blocking, finding.Severity));
        Assert.Contains("0151 23456789", result.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("max.beispiel@stadt-beispiel.de", result.Findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("IBAN DE89 3704 …", result.Findings[2].Message, StringComparison.Ordinal);
        Assert.Contains("character 85", result.Findings[2].Message, StringComparison.Ordinal);
        Assert.False(result.Passes);
    }

    [Fact]
    public void Check_WhenPostIsNotPublic_DoesNotCheckPersonalData()
    {
        Assert.True(_checker.Check(Requests.Post(OutreachChannelKinds.AppPush, CouncilLetterFooter[..90], isPublic: false)).Passes);
    }

    [Fact]
    public void Check_WhenPersonalDataInContentWarningOrAltText_BlocksNamingWhere()
    {
        var result = _checker.Check(Requests.Post(
            OutreachChannelKinds.Mastodon,
            "Neue Öffnungszeiten",
            contentWarning: "Fragen: 030 1234567",
            media: [Requests.Image("aushang.jpg", "Aushang mit info@stadt-beispiel.de")]));

        Assert.Equal(
            [(FindingCodes.PersonalDataPhone, FindingFields.ContentWarning, 8), (FindingCodes.PersonalDataEmail, FindingFields.AltText, 12)],
            result.Findings.Select(finding => (finding.Code, finding.Field, finding.Index!.Value)));
        Assert.Contains("content warning", result.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("aushang.jpg", result.Findings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutreachChannelKinds.Mastodon)]
    [InlineData(OutreachChannelKinds.Bluesky)]
    [InlineData(OutreachChannelKinds.Webhook)]
    public void Check_WhenImageHasNoAltText_BlocksNamingTheFile(string channelKind)
    {
        var result = _checker.Check(Requests.Post(channelKind, "Der neue Spielplatz", media: [Requests.Image("spielplatz.jpg"), Requests.Image("rutsche.png", "  ")]));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.AltTextMissing, FindingSeverity.Blocking, "rutsche.png"), (finding.Code, finding.Severity, finding.Match));
        Assert.Contains("rutsche.png", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenChannelHasNoAltText_DoesNotAskForIt()
    {
        Assert.True(_checker.Check(Requests.Post(OutreachChannelKinds.Telegram, "Der neue Spielplatz", media: [Requests.Image("spielplatz.jpg", null)])).Passes);
    }

    [Fact]
    public void Check_WhenMoreMediaThanTheChannelTakes_Blocks()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Bluesky, "Bilder vom Stadtfest", media: Requests.Images(5)));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.MediaCount, finding.Code);
        Assert.Contains("at most 4", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutreachChannelKinds.Bluesky, 1_200_000, "1,000,000 bytes")]
    [InlineData(OutreachChannelKinds.Bluesky, 1_000_001, "1,000,000 bytes")]
    [InlineData(OutreachChannelKinds.Telegram, 10_000_001, "10,000,000 bytes")]
    [InlineData(OutreachChannelKinds.Mastodon, 16_777_217, "16,777,216 bytes")]
    public void Check_WhenImageLargerThanThePlatformTakes_BlocksNamingTheFileAndTheLimit(string channelKind, long length, string limit)
    {
        var result = _checker.Check(Requests.Post(channelKind, "Der neue Stadtplan", media: [Requests.Image("stadtplan.png", contentType: "image/png", length: length)]));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.MediaSize, FindingSeverity.Blocking, "stadtplan.png", FindingFields.Media), (finding.Code, finding.Severity, finding.Match, finding.Field));
        Assert.Contains("\"stadtplan.png\"", finding.Message, StringComparison.Ordinal);
        Assert.Contains(limit, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutreachChannelKinds.Bluesky, 1_000_000)]
    [InlineData(OutreachChannelKinds.Bluesky, 900_000)]
    [InlineData(OutreachChannelKinds.Telegram, 10_000_000)]
    [InlineData(OutreachChannelKinds.Mastodon, 16_777_216)]
    [InlineData(OutreachChannelKinds.Webhook, 10_485_760)]
    public void Check_WhenImageAtMostThePlatformsLimit_Passes(string channelKind, long length)
    {
        Assert.True(_checker.Check(Requests.Post(channelKind, "Der neue Stadtplan", media: [Requests.Image("stadtplan.png", contentType: "image/png", length: length)])).Passes);
    }

    [Fact]
    public void Check_WhenInstanceTakesSmallerImagesAndNoWebP_BlocksOnItsOwnLimits()
    {
        var instance = ChannelCapabilities.FromMastodonInstance(MastodonInstanceDocuments.EditedConfiguration(configuration =>
        {
            configuration["media_attachments"]!["image_size_limit"] = 2_097_152;
            configuration["media_attachments"]!["supported_mime_types"] = new System.Text.Json.Nodes.JsonArray("image/jpeg", "image/png", "video/mp4");
        }));

        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, "Der neue Stadtplan", capabilities: instance,
            media: [Requests.Image("plan.webp", contentType: "image/webp", length: 100_000), Requests.Image("luftbild.jpg", length: 3_000_000)]));

        Assert.Equal(
            [(FindingCodes.MediaType, "plan.webp"), (FindingCodes.MediaSize, "luftbild.jpg")],
            result.Findings.Select(finding => (finding.Code, finding.Match)));
        Assert.Contains("image/jpeg, image/png", result.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("2,097,152 bytes", result.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMastodonInstance_WhenMediaAttachmentsMissing_TakesMastodonsDefaultImageLimitAndAnyType()
    {
        var capabilities = ChannelCapabilities.FromMastodonInstance(MastodonInstanceDocuments.EditedConfiguration(configuration => configuration.Remove("media_attachments")));

        Assert.Equal((ChannelCapabilities.MastodonDefaultImageBytes, null), (capabilities.MaxImageBytes, capabilities.ImageTypes));
    }

    [Fact]
    public void FromMastodonInstance_WhenMastodonSocialDocument_ReadsItsImageLimitAndImageTypesOnly()
    {
        var capabilities = Requests.MastodonSocial;

        Assert.Equal(16_777_216, capabilities.MaxImageBytes);
        Assert.Equal(["image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif"], capabilities.ImageTypes);
    }

    [Fact]
    public void Check_WhenBannedTermInAnyCase_BlocksNamingTheTerm()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, "Unsere WAHLEMPFEHLUNG für Sonntag"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.BannedTerm, FindingSeverity.Blocking, "WAHLEMPFEHLUNG", 7), (finding.Code, finding.Severity, finding.Match, finding.Index));
        Assert.Contains("\"Wahlempfehlung\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenBannedTermHasWildcard_FindsInflectedFormsButWholeWordsOnlyOtherwise()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, "Keine Idioten hier; eine Wahlempfehlungsliste ist kein Verstoß."));

        Assert.Equal("Idioten", Assert.Single(result.Findings).Match);
    }

    [Fact]
    public void Check_WhenBannedTermOnlyInHashtags_FindsItInTheExactText()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Bluesky, "Sonntag ist Wahl", hashtags: ["Wahlempfehlung"]));

        Assert.Equal(FindingCodes.BannedTerm, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Check_WhenDenyListedNameInPublicPost_Blocks()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Telegram, "Gratulation an Erika Mustermann zum Jubiläum"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.PersonalDataDenyList, FindingSeverity.Blocking, "Erika Mustermann"), (finding.Code, finding.Severity, finding.Match));
    }

    [Fact]
    public void Check_WhenImprintLinkRequiredAndMissing_Blocks()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, "Neue Satzung", link: "https://stadt-beispiel.de/satzung", requiresImprintLink: true));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.ImprintLinkMissing, FindingSeverity.Blocking), (finding.Code, finding.Severity));
        Assert.Contains(Imprint, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenImprintLinkRequiredAndPresent_Passes()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, "Neue Satzung", link: Imprint + "/", requiresImprintLink: true));

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Check_WhenImprintLinkRequiredButNotConfigured_Blocks()
    {
        var result = new PostChecker(new CheckPolicy()).Check(Requests.Post(OutreachChannelKinds.Mastodon, "Neue Satzung " + Imprint, requiresImprintLink: true));

        Assert.Contains("ImprintUrl", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenLinkAndHashtags_ChecksAndCountsTheComposedText()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Mastodon, "Baustelle Hauptstraße", link: "https://stadt-beispiel.de/baustellen/hauptstrasse-2026", hashtags: ["Verkehr"]));

        Assert.Equal("Baustelle Hauptstraße\n\nhttps://stadt-beispiel.de/baustellen/hauptstrasse-2026\n\n#Verkehr", result.ExactText);
        Assert.Equal(21 + 2 + 23 + 2 + 8, result.Count);
    }

    [Fact]
    public void Check_WhenNothingToSend_Blocks()
    {
        Assert.Equal(FindingCodes.Empty, Assert.Single(_checker.Check(Requests.Post(OutreachChannelKinds.Bluesky, "  ")).Findings).Code);
    }

    [Fact]
    public void Check_WhenContentWarningOnAChannelWithoutOne_WarnsThatItIsNotSent()
    {
        var result = _checker.Check(Requests.Post(OutreachChannelKinds.Bluesky, "Unwetter", contentWarning: "Unwetterwarnung"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.ContentWarningUnsupported, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.True(result.Passes);
        Assert.Equal(8, result.Count);
    }
}
