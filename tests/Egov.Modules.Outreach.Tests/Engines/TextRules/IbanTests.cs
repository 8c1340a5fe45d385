using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>IBANs (ISO 13616): the country's registered length and the ISO 7064 MOD 97-10 check, both.</summary>
public sealed class IbanTests
{
    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("DE89370400440532013000")]
    [InlineData("de89370400440532013000")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    public void Find_WhenGermanIbanInAnyCaseWithOrWithoutSpaces_FindsIt(string written)
    {
        var (index, length, normalized) = Assert.Single(Iban.Find(written));

        Assert.Equal((0, written.Length, "DE89370400440532013000"), (index, length, normalized));
    }

    [Theory]
    [InlineData("DE89  3704  0044  0532  0130  00")]
    [InlineData("DE89 3704 0044\n0532 0130 00")]
    [InlineData("DE89 3704 0044\r\n0532 0130 00")]
    [InlineData("DE89\t3704\t0044\t0532\t0130\t00")]
    [InlineData("DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000")]
    [InlineData("DE89\u202F3704\u20090044\u30000532 \n 0130 00")]
    [InlineData("de89 3704 0044 0532 \n\n 0130 00")]
    [InlineData("DE89-3704-0044-0532-0130-00")]
    [InlineData("DE89\u200B3704\u200B0044\u200B0532\u200B0130\u200B00")]
    [InlineData("DE89\u00AD3704 0044 0532 0130 00")]
    [InlineData("DE 89 3704 0044 0532 0130 00")]
    public void Find_WhenGermanIbanWithAnyWhiteSpaceLineBreakHyphenOrInvisibleSeparator_FindsIt(string written)
    {
        var (index, length, normalized) = Assert.Single(Iban.Find(written));

        Assert.Equal((0, written.Length, "DE89370400440532013000"), (index, length, normalized));
    }

    [Theory]
    [InlineData("IBAN:DE89370400440532013000", 5)]
    [InlineData("IBAN: DE89 3704 0044 0532 0130 00", 6)]
    [InlineData("IBAN:\nde89 3704 0044 0532 0130 00", 6)]
    [InlineData("Konto (IBAN)\tDE89 3704 0044 0532 0130 00", 13)]
    public void Find_WhenIbanAfterPrefix_FindsItWithoutThePrefix(string text, int index)
    {
        var found = Assert.Single(Iban.Find(text));

        Assert.Equal((index, text.Length - index, "DE89370400440532013000"), found);
    }

    [Theory]
    [InlineData("DE89  3704  0044  0532  0130  00")]
    [InlineData("DE89 3704 0044\n0532 0130 00")]
    [InlineData("de89-3704-0044-0532-0130-00")]
    public void Normalize_WhenAnyHumanNotation_GivesTheValidIban(string written)
    {
        Assert.True(Iban.IsValid(Iban.Normalize(written)));
    }

    [Fact]
    public void Find_WhenAnotherNumberFollowsOnTheNextLine_FindsOnlyTheIban()
    {
        const string text = "DE89 3704 0044 0532 0130 00\n\n1234 5678";

        var (index, length, _) = Assert.Single(Iban.Find(text));

        Assert.Equal("DE89 3704 0044 0532 0130 00", text.Substring(index, length));
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 0, 0")]
    [InlineData("DE89 3704 0044 0532 0130 0. 0")]
    [InlineData("DE89 3704 0044 0532 0130 0 und 0")]
    [InlineData("DE89 3704 0044 0532 0130 0--0")]
    [InlineData("DE89 3704 0044 0532 0130 0\u2013 0")]
    public void Find_WhenPunctuationOrAWordBetweenTheDigits_FindsNothing(string text)
    {
        // Without the separator the digits would be the valid DE89 3704 0044 0532 0130 00: only white space,
        // invisible format characters and a single hyphen join groups.
        Assert.Empty(Iban.Find(text));
    }

    [Fact]
    public void Find_WhenIbanInASentence_FindsExactlyTheIban()
    {
        const string sentence = "Bitte überweisen Sie bis Freitag auf DE89 3704 0044 0532 0130 00. Danke!";

        var (index, length, _) = Assert.Single(Iban.Find(sentence));

        Assert.Equal("DE89 3704 0044 0532 0130 00", sentence.Substring(index, length));
    }

    [Theory]
    [InlineData("AT61 1904 3002 3457 3201", "AT611904300234573201")]
    [InlineData("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300")]
    [InlineData("GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819")]
    [InlineData("Konto: no93 8601 1117 947.", "NO9386011117947")]
    public void Find_WhenIbanOfAnotherCountry_FindsIt(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(Iban.Find(text)).Normalized);
    }

    [Theory]
    [InlineData("DE51 3704 0044 0532 0130 0")]
    [InlineData("DE5137040044053201300")]
    [InlineData("DE543704004405320130001")]
    [InlineData("DE54 3704 0044 0532 0130 001")]
    public void Find_WhenMod97ValidButNotGermanLength_FindsNothing(string text)
    {
        // DE51…(21 characters) and DE54…(23 characters) both pass MOD 97-10; DE IBANs have 22.
        Assert.Empty(Iban.Find(text));
        Assert.False(Iban.IsValid(Iban.Normalize(text)));
    }

    [Theory]
    [InlineData("DE88 3704 0044 0532 0130 00")]
    [InlineData("DE89 3704 0044 0532 0130 01")]
    [InlineData("NL92 ABNA 0417 1643 00")]
    public void Find_WhenChecksumWrong_FindsNothing(string text)
    {
        Assert.Empty(Iban.Find(text));
    }

    [Theory]
    [InlineData("XDE89370400440532013000")]
    [InlineData("DE89370400440532013000X")]
    [InlineData("ZZ89370400440532013000")]
    public void Find_WhenPartOfALongerWordOrUnknownCountry_FindsNothing(string text)
    {
        Assert.Empty(Iban.Find(text));
    }

    [Fact]
    public void Find_WhenTwoIbans_FindsBoth()
    {
        var found = Iban.Find("AT61 1904 3002 3457 3201 oder DE89 3704 0044 0532 0130 00").Select(iban => iban.Normalized);

        Assert.Equal(["AT611904300234573201", "DE89370400440532013000"], found);
    }

    [Fact]
    public void LengthByCountry_WhenSepaCountries_HasEveryOne()
    {
        string[] sepa =
        [
            "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI", "GR", "HR", "HU", "IE",
            "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM", "VA",
        ];

        Assert.All(sepa, country => Assert.True(Iban.LengthByCountry.ContainsKey(country), country));
    }
}
