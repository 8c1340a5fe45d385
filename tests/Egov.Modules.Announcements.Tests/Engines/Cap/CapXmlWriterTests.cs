using System.Text;
using System.Xml.Linq;
using Egov.Modules.Announcements.Engines.Cap;

namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>The writer: CAP 1.2 form, schema validity, and read → write → read equality for every accepted file.</summary>
public sealed class CapXmlWriterTests
{
    public static TheoryData<string> AcceptedXmlFiles =>
    [
        "oasis_cap12_amber_alert_bilingual.cap.xml",
        "usgs_earthquake_iso8859-1.cap.xml",
        "canada_bilingual_fr_en_cap11.cap.xml",
        "dwd_profile_sample_gale_polygon_hole.cap.xml",
    ];

    public static TheoryData<string> AcceptedJsonFiles =>
    [
        "bbk_dwd_storm_gusts_update_3lang.json",
        "bbk_mowas_update_drinking_water_4lang.json",
        "bbk_mowas_cancel_power_outage.json",
    ];

    [Theory]
    [MemberData(nameof(AcceptedXmlFiles))]
    public void Write_WhenXmlFileReadAndWritten_ValidatesAndReadsBackEqual(string fileName)
    {
        var alert = CapXmlReaderTests.Accepted(fileName);

        AssertRoundTrip(alert);
    }

    [Theory]
    [MemberData(nameof(AcceptedJsonFiles))]
    public void Write_WhenBbkJsonFileReadAndWritten_ValidatesAndReadsBackEqual(string fileName)
    {
        var alert = BbkWarningReaderTests.Accepted(fileName);

        AssertRoundTrip(alert);
    }

    [Fact]
    public void Write_WhenEveryElementSet_ValidatesAndReadsBackEqual()
    {
        AssertRoundTrip(CapSamples.Full());
    }

    [Fact]
    public void Write_WhenEveryElementSet_KeepsTheXsdOrder()
    {
        var document = XDocument.Parse(Encoding.UTF8.GetString(CapXmlWriter.Write(CapSamples.Full())));
        var root = document.Root!;

        Assert.Equal(
            ["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "code", "code", "note", "references", "incidents", "info", "info"],
            root.Elements().Select(element => element.Name.LocalName));
        Assert.Equal(
            [
                "language", "category", "category", "event", "responseType", "responseType", "urgency", "severity", "certainty", "audience", "eventCode",
                "effective", "onset", "expires", "senderName", "headline", "description", "instruction", "web", "contact", "parameter", "parameter", "resource", "area", "area",
            ],
            root.Elements().First(element => element.Name.LocalName == "info").Elements().Select(element => element.Name.LocalName));
        var info = root.Elements().First(element => element.Name.LocalName == "info");
        Assert.Equal(
            ["resourceDesc", "mimeType", "size", "uri", "derefUri", "digest"],
            info.Elements().First(element => element.Name.LocalName == "resource").Elements().Select(element => element.Name.LocalName));
        Assert.Equal(
            ["areaDesc", "polygon", "polygon", "circle", "circle", "geocode", "geocode", "altitude", "ceiling"],
            info.Elements().First(element => element.Name.LocalName == "area").Elements().Select(element => element.Name.LocalName));
    }

    [Fact]
    public void Write_WhenAlert_WritesUtf8WithoutBomInTheCap12Namespace()
    {
        var bytes = CapXmlWriter.Write(CapSamples.Valid());

        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.Contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WhenTimesHaveOffsets_WritesCapDateTimesWithTheirOffsets()
    {
        var alert = CapSamples.Valid() with { Sent = new DateTimeOffset(2026, 11, 29, 18, 0, 0, 250, TimeSpan.FromHours(1)) };
        alert = alert with { Infos = [alert.Infos[0] with { Onset = new DateTimeOffset(2026, 11, 29, 19, 0, 0, TimeSpan.Zero), Expires = new DateTimeOffset(2026, 11, 30, 5, 30, 0, TimeSpan.FromHours(-3.5)) }] };

        var text = Encoding.UTF8.GetString(CapXmlWriter.Write(alert));

        Assert.Contains("<sent>2026-11-29T18:00:00+01:00</sent>", text, StringComparison.Ordinal);
        Assert.Contains("<onset>2026-11-29T19:00:00-00:00</onset>", text, StringComparison.Ordinal);
        Assert.Contains("<expires>2026-11-30T05:30:00-03:30</expires>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Z<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WhenGeometry_WritesCapPolygonAndCircleText()
    {
        var text = Encoding.UTF8.GetString(CapXmlWriter.Write(CapSamples.Full()));

        Assert.Contains("<polygon>51.20,7.60 51.20,7.70 51.30,7.70 51.30,7.60 51.20,7.60</polygon>", text, StringComparison.Ordinal);
        Assert.Contains("<circle>51.25,7.65 1.5</circle>", text, StringComparison.Ordinal);
        Assert.Contains("<circle>-33.9,151.2 0</circle>", text, StringComparison.Ordinal);
        Assert.Contains("<references>krisenstab@example-stadt.de,egov-2026-0040,2026-07-01T10:00:00-00:00 krisenstab@example-stadt.de,egov-2026-0041,2026-07-01T11:00:00+02:00</references>", text, StringComparison.Ordinal);
        Assert.Contains("<addresses>feuerwehr@example-stadt.de \"Krisenstab Nord\"</addresses>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WhenAlertInvalid_ThrowsNamingTheProblem()
    {
        var alert = CapSamples.Valid() with { Identifier = "two words" };

        var exception = Assert.Throws<ArgumentException>(() => CapXmlWriter.Write(alert));

        Assert.Contains("alert/identifier", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WhenFractionalSeconds_DropsThem()
    {
        var alert = CapSamples.Valid() with { Sent = new DateTimeOffset(2026, 11, 29, 18, 0, 0, 999, TimeSpan.FromHours(1)) };

        var read = CapXmlReader.Read(new MemoryStream(CapXmlWriter.Write(alert)));

        Assert.True(read.IsAccepted, CapXmlReaderTests.Describe(read));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.FromHours(1)), read.Alert.Sent);
    }

    private static void AssertRoundTrip(CapAlert alert)
    {
        var bytes = CapXmlWriter.Write(alert);

        Assert.Empty(CapSchema.Validate(new MemoryStream(bytes)));
        var again = CapXmlReader.Read(new MemoryStream(bytes));
        Assert.True(again.IsAccepted, CapXmlReaderTests.Describe(again));
        Assert.Empty(again.Notices);
        Assert.Equal(alert, again.Alert);
        // DateTimeOffset equality compares instants; the offsets must survive as well.
        Assert.Equal(alert.Sent.Offset, again.Alert.Sent.Offset);
        Assert.Equal(
            alert.Infos.Select(info => (info.Effective?.Offset, info.Onset?.Offset, info.Expires?.Offset)),
            again.Alert.Infos.Select(info => (info.Effective?.Offset, info.Onset?.Offset, info.Expires?.Offset)));
        Assert.Equal(bytes, CapXmlWriter.Write(again.Alert));
    }
}
