using Egov.Modules.Announcements.Engines.Cap;

namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>The CAP 1.2 rules beyond the XSD, on alerts built in code and read from XML.</summary>
public sealed class CapValidatorTests
{
    [Fact]
    public void Validate_WhenBaselineAndFullSample_FindsNothing()
    {
        Assert.Empty(CapValidator.Validate(CapSamples.Valid()));
        Assert.Empty(CapValidator.Validate(CapSamples.Full()));
    }

    [Fact]
    public void Validate_WhenExpiresBeforeOnset_RefusesExpires()
    {
        var problem = Assert.Single(Problems(info => info with
        {
            Onset = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(1)),
        }));

        Assert.Equal("alert/info[1]/expires", problem.Path);
        Assert.Contains("not later than onset", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenExpiresEqualsOnset_RefusesExpires()
    {
        var info = CapSamples.Valid().Infos[0];

        var problem = Assert.Single(Problems(_ => info with { Onset = info.Expires }));

        Assert.Equal("alert/info[1]/expires", problem.Path);
    }

    [Fact]
    public void Validate_WhenExpiresBeforeEffectiveOrSent_RefusesExpires()
    {
        var problems = Problems(info => info with
        {
            Onset = null,
            Effective = new DateTimeOffset(2026, 11, 29, 19, 0, 0, TimeSpan.FromHours(1)),
            Expires = new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.FromHours(1)),
        });

        Assert.Equal(["alert/info[1]/expires", "alert/info[1]/expires"], problems.Select(problem => problem.Path));
        Assert.Contains("effective", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("sent", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenOnsetBeforeSent_Accepts()
    {
        // An observed event is reported after it began (the USGS earthquake file does so).
        Assert.Empty(Problems(info => info with { Onset = new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.FromHours(1)) }));
    }

    [Fact]
    public void Validate_WhenPolygonOpen_RefusesThePolygon()
    {
        var open = new CapPolygon([new(51.20m, 7.60m), new(51.20m, 7.70m), new(51.30m, 7.70m), new(51.30m, 7.60m)]);

        var problem = Assert.Single(Problems(area => area with { Polygons = [CapSamples.Square, open] }));

        Assert.Equal("alert/info[1]/area[1]/polygon[2]", problem.Path);
        Assert.Contains("not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenPolygonHasThreePoints_RefusesThePolygon()
    {
        var triangle = new CapPolygon([new(51.20m, 7.60m), new(51.20m, 7.70m), new(51.20m, 7.60m)]);

        var problem = Assert.Single(Problems(area => area with { Polygons = [triangle] }));

        Assert.Equal("alert/info[1]/area[1]/polygon[1]", problem.Path);
        Assert.Contains("has 3 points", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenCoordinatesOutOfRange_RefusesNamingThePoint()
    {
        var polygon = new CapPolygon([new(91m, 7.60m), new(51.20m, 180.5m), new(51.30m, 7.70m), new(91m, 7.60m)]);

        var problems = Problems(area => area with { Polygons = [polygon], Circles = [new(new(-90.5m, -181m), 1m)] });

        Assert.Equal(
            ["point 1 has latitude 91", "point 2 has longitude 180.5", "point 4 has latitude 91", "the centre has latitude -90.5", "the centre has longitude -181"],
            problems.Select(problem => problem.Message[..problem.Message.IndexOf(',', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Validate_WhenCircleRadiusNegative_RefusesTheCircle()
    {
        var problem = Assert.Single(Problems(area => area with { Circles = [new(new(51.25m, 7.65m), -0.1m)] }));

        Assert.Equal("alert/info[1]/area[1]/circle[1]", problem.Path);
        Assert.Contains("negative", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("a,b")]
    [InlineData("a<b")]
    [InlineData("a&b")]
    [InlineData("")]
    public void Validate_WhenIdentifierHasForbiddenCharacters_RefusesIt(string identifier)
    {
        var problem = Assert.Single(CapValidator.Validate(CapSamples.Valid() with { Identifier = identifier }));

        Assert.Equal("alert/identifier", problem.Path);
    }

    [Fact]
    public void Validate_WhenScopeRestrictedOrPrivateWithoutTheirElement_Refuses()
    {
        Assert.Equal("alert/restriction", Assert.Single(CapValidator.Validate(CapSamples.Valid() with { Scope = CapScope.Restricted })).Path);
        Assert.Equal("alert/addresses", Assert.Single(CapValidator.Validate(CapSamples.Valid() with { Scope = CapScope.Private })).Path);
    }

    [Theory]
    [InlineData("Update")]
    [InlineData("Cancel")]
    [InlineData("Ack")]
    [InlineData("Error")]
    public void Validate_WhenMessageRefersButHasNoReferences_RefusesReferences(string type)
    {
        var problem = Assert.Single(CapValidator.Validate(CapSamples.Valid() with { MessageType = Enum.Parse<CapMessageType>(type) }));

        Assert.Equal("alert/references", problem.Path);
    }

    [Fact]
    public void Validate_WhenRequiredTextEmpty_RefusesEach()
    {
        var alert = CapSamples.Valid();
        alert = alert with
        {
            Sender = " ",
            Infos = [alert.Infos[0] with { Event = "", Categories = [], Areas = [alert.Infos[0].Areas[0] with { Description = "\n" }] }],
        };

        Assert.Equal(
            ["alert/sender", "alert/info[1]/category", "alert/info[1]/event", "alert/info[1]/area[1]/areaDesc"],
            CapValidator.Validate(alert).Select(problem => problem.Path));
    }

    [Theory]
    [InlineData("de_DE")]
    [InlineData("deutschland-DE")]
    [InlineData("")]
    public void Validate_WhenLanguageNotATag_RefusesLanguage(string language)
    {
        Assert.Equal("alert/info[1]/language", Assert.Single(Problems(info => info with { Language = language })).Path);
    }

    [Theory]
    [InlineData("www.example-stadt.de")]
    [InlineData("/warnungen")]
    [InlineData("ftp://example-stadt.de/x")]
    public void Validate_WhenWebNotAbsoluteHttp_RefusesWeb(string web)
    {
        Assert.Equal("alert/info[1]/web", Assert.Single(Problems(info => info with { Web = web })).Path);
    }

    [Fact]
    public void Validate_WhenCeilingWithoutAltitudeOrBelowIt_RefusesCeiling()
    {
        Assert.Equal("alert/info[1]/area[1]/ceiling", Assert.Single(Problems(area => area with { Ceiling = 10 })).Path);
        Assert.Contains("below", Assert.Single(Problems(area => area with { Altitude = 20, Ceiling = 10 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenEnumerationUndefined_RefusesIt()
    {
        Assert.Equal("alert/status", Assert.Single(CapValidator.Validate(CapSamples.Valid() with { Status = (CapStatus)42 })).Path);
    }

    [Fact]
    public void Validate_WhenTextHasCharacterXmlCannotCarry_RefusesIt()
    {
        var problem = Assert.Single(Problems(info => info with { Headline = "Warnung\u0001" }));

        Assert.Equal("alert/info[1]/headline", problem.Path);
        Assert.Contains("U+0001", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenValueNameEmptyOrResourceIncomplete_RefusesThem()
    {
        var problems = Problems(info => info with
        {
            Parameters = [new("", "x")],
            Resources = [new CapResource { Description = "Karte", MimeType = "", Size = -1, DerefUri = "not base64!" }],
        });

        Assert.Equal(
            ["alert/info[1]/parameter[1]/valueName", "alert/info[1]/resource[1]/mimeType", "alert/info[1]/resource[1]/size", "alert/info[1]/resource[1]/derefUri"],
            problems.Select(problem => problem.Path));
    }

    [Fact]
    public void Read_WhenXmlExpiresBeforeOnset_RefusesExpires()
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "<expires>2026-11-30T06:00:00+01:00</expires>", "<expires>2026-11-29T19:00:00+01:00</expires>", StringComparison.Ordinal)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("alert/info[1]/expires", problem.Path);
        Assert.Contains("onset", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("51.20,7.60 51.20,7.70 51.30,7.70 51.30,7.60", "not closed")]
    [InlineData("51.20,7.60 51.20,7.70 51.20,7.60", "has 3 points")]
    [InlineData("51.20,7.60 51.20,7.70 51.30,7.70 51.30 7.60 51.20,7.60", "point 4 '51.30'")]
    [InlineData("51.2;7.6 51.2;7.7 51.3;7.7 51.2;7.6", "point 1")]
    [InlineData("5.1e1,7.60 51.20,7.70 51.30,7.70 5.1e1,7.60", "point 1")]
    public void Read_WhenXmlPolygonInvalid_RefusesThePolygon(string polygon, string expected)
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "51.20,7.60 51.20,7.70 51.30,7.70 51.30,7.60 51.20,7.60", polygon, StringComparison.Ordinal)));

        Assert.False(result.IsAccepted);
        Assert.All(result.Problems, problem => Assert.Equal("alert/info[1]/area[1]/polygon[1]", problem.Path));
        Assert.Contains(result.Problems, problem => problem.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("51.25,7.65 -1", "negative")]
    [InlineData("51.25,7.65", "latitude,longitude radius")]
    [InlineData("", "is empty")]
    public void Read_WhenXmlCircleInvalid_RefusesTheCircle(string circle, string expected)
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "<areaDesc>Stadtgebiet</areaDesc>", $"<areaDesc>Stadtgebiet</areaDesc><circle>{circle}</circle>", StringComparison.Ordinal)
            .Replace("<polygon>", "<!--", StringComparison.Ordinal).Replace("</polygon>", "-->", StringComparison.Ordinal)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("alert/info[1]/area[1]/circle[1]", problem.Path);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<CapProblem> Problems(Func<CapInfo, CapInfo> change)
    {
        var alert = CapSamples.Valid();
        return CapValidator.Validate(alert with { Infos = [change(alert.Infos[0])] });
    }

    private static IReadOnlyList<CapProblem> Problems(Func<CapArea, CapArea> change) =>
        Problems(info => info with { Areas = [change(info.Areas[0])] });
}
