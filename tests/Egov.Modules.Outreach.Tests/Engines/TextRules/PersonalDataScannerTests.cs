using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>Phone numbers, e-mail addresses, IBANs and deny-listed entries, without false alarms on dates and numbers.</summary>
public sealed class PersonalDataScannerTests
{
    private readonly PersonalDataScanner _scanner = new(new CheckPolicy());

    [Theory]
    [InlineData("Mobil 0151 23456789, ab 9 Uhr", "0151 23456789", "+4915123456789")]
    [InlineData("Mobil +49 151 23456789.", "+49 151 23456789", "+4915123456789")]
    [InlineData("Telefon 030 1234567 im Bürgeramt", "030 1234567", "+49301234567")]
    [InlineData("Telefon (030) 123 45 67 im Bürgeramt", "(030) 123 45 67", "+49301234567")]
    [InlineData("London office: +44 20 7946 0958", "+44 20 7946 0958", "+442079460958")]
    public void Scan_WhenPhoneNumberInGermanOrInternationalNotation_FindsIt(string text, string number, string e164)
    {
        var item = Assert.Single(_scanner.Scan(text));

        Assert.Equal((PersonalDataKind.Phone, number, text.IndexOf(number, StringComparison.Ordinal), e164), (item.Kind, item.Value, item.Index, item.Normalized));
    }

    [Theory]
    [InlineData("Die Sitzung ist am 29.11.2026 um 14:30 Uhr.")]
    [InlineData("Die Sanierung kostet 1.234,56 € mehr.")]
    [InlineData("Rathausplatz 1, 12345 Beispielstadt")]
    [InlineData("Seit dem Jahr 2026 gilt die Satzung.")]
    [InlineData("Ihr Aktenzeichen: EGOV-2026-000123")]
    [InlineData("Öffnungszeiten 8-12 Uhr, Sitzung 2026-11-29 18:00")]
    public void Scan_WhenDatesTimesAmountsPostcodesYearsOrReferenceNumbers_FindsNothing(string text)
    {
        Assert.Empty(_scanner.Scan(text));
    }

    [Theory]
    [InlineData("Schreiben Sie an max.beispiel+presse@rathaus.stadt-beispiel.de.", "max.beispiel+presse@rathaus.stadt-beispiel.de")]
    [InlineData("Kontakt:info@stadt-beispiel.de", "info@stadt-beispiel.de")]
    [InlineData("An bürgerbüro@münchen.example fragen", "bürgerbüro@münchen.example")]
    public void Scan_WhenEmailAddress_FindsItWithoutSurroundingPunctuation(string text, string address)
    {
        var item = Assert.Single(_scanner.Scan(text));

        Assert.Equal((PersonalDataKind.Email, address), (item.Kind, item.Value));
    }

    [Fact]
    public void Scan_WhenFediverseHandle_IsNoEmailAddress()
    {
        Assert.Empty(_scanner.Scan("Folgen Sie @stadt@social.example.org"));
    }

    [Fact]
    public void Scan_WhenCouncilLetterFooter_FindsPhoneEmailAndIbanInTextOrder()
    {
        const string footer = "Rückfragen: Max Beispiel, Mobil 0151 23456789, max.beispiel@stadt-beispiel.de, IBAN DE89 3704 0044 0532 0130 00";

        var items = _scanner.Scan(footer);

        Assert.Equal(
            [(PersonalDataKind.Phone, "0151 23456789", 32), (PersonalDataKind.Email, "max.beispiel@stadt-beispiel.de", 47), (PersonalDataKind.Iban, "DE89 3704 0044 0532 0130 00", 84)],
            items.Select(item => (item.Kind, item.Value, item.Index)));
    }

    [Theory]
    [InlineData("Spenden bitte an IBAN DE89 3704 0044\n0532 0130 00, Stichwort Stadtfest.")]
    [InlineData("Spenden bitte an IBAN DE89  3704  0044  0532  0130  00, Stichwort Stadtfest.")]
    [InlineData("Spenden bitte an IBAN:\tde89\t3704\t0044\t0532\t0130\t00, Stichwort Stadtfest.")]
    [InlineData("Spenden bitte an IBAN de89 3704 0044 0532\r\n0130 00, Stichwort Stadtfest.")]
    public void Scan_WhenIbanWrappedOrWithDoubledSpacesOrTabs_FindsTheWholeIbanAndNoPhoneNumber(string text)
    {
        var item = Assert.Single(_scanner.Scan(text));

        Assert.Equal((PersonalDataKind.Iban, "DE89370400440532013000"), (item.Kind, item.Normalized));
        Assert.EndsWith("00", item.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenDenyListNamesAPerson_FindsTheNameAsWholeWordsInAnyCase()
    {
        var scanner = new PersonalDataScanner(new CheckPolicy { PersonalDataDenyList = ["Max Beispiel"] });

        var items = scanner.Scan("Rückfragen an MAX\nBEISPIEL, nicht an Max Beispielhaft.");

        var item = Assert.Single(items);
        Assert.Equal((PersonalDataKind.DenyListEntry, "MAX\nBEISPIEL", 14, "Max Beispiel"), (item.Kind, item.Value, item.Index, item.Normalized));
    }

    [Fact]
    public void Scan_WhenItemsAreTheCitysOwnOnTheAllowList_SkipsOnlyThose()
    {
        var scanner = new PersonalDataScanner(new CheckPolicy
        {
            PersonalDataAllowList = ["Presse@Stadt-Beispiel.de", "+49 30 1234567", "DE89370400440532013000"],
        });

        var items = scanner.Scan("presse@stadt-beispiel.de, 030 123 45 67, DE89 3704 0044 0532 0130 00, max@stadt-beispiel.de");

        Assert.Equal("max@stadt-beispiel.de", Assert.Single(items).Value);
    }

    [Fact]
    public void Constructor_WhenDefaultPhoneRegionUnknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PersonalDataScanner(new CheckPolicy { DefaultPhoneRegion = "XX" }));
    }
}
