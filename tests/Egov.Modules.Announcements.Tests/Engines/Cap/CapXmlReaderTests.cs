using System.Text;
using Egov.Modules.Announcements.Engines.Cap;

namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>Every shared CAP XML file, read as it must be: accepted with the right content, or refused for the right reason.</summary>
public sealed class CapXmlReaderTests
{
    [Fact]
    public void Read_WhenOasisBilingualAmberAlert_ReadsBothLanguagesAndAreas()
    {
        var alert = Accepted("oasis_cap12_amber_alert_bilingual.cap.xml");

        Assert.Equal("KAR0-0306112239-SW", alert.Identifier);
        Assert.Equal("KARO@CLETS.DOJ.CA.GOV", alert.Sender);
        Assert.Equal(new DateTimeOffset(2003, 6, 11, 22, 39, 0, TimeSpan.FromHours(-7)), alert.Sent);
        Assert.Equal(TimeSpan.FromHours(-7), alert.Sent.Offset);
        Assert.Equal((CapStatus.Actual, CapMessageType.Alert, CapScope.Public), (alert.Status, alert.MessageType, alert.Scope));
        Assert.Equal("SW", alert.Source);
        Assert.Empty(alert.References);
        Assert.Equal(["en-US", "es-US"], alert.Infos.Select(info => info.Language));

        var (english, spanish) = (alert.Infos[0], alert.Infos[1]);
        Assert.Equal([CapCategory.Rescue], english.Categories);
        Assert.Equal("Child Abduction", english.Event);
        Assert.Equal("Abducción de Niño", spanish.Event);
        Assert.Equal("Amber Alert in Los Angeles County", english.Headline);
        Assert.Equal("Alerta Amber en el condado de Los Ángeles", spanish.Headline);
        Assert.Equal((CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Likely), (english.Urgency, english.Severity, english.Certainty));
        Assert.Equal([new CapNamedValue("SAME", "CAE")], english.EventCodes);
        Assert.Equal("Los Angeles County", Assert.Single(english.Areas).Description);
        Assert.Equal("condado de Los Ángeles", Assert.Single(spanish.Areas).Description);
        Assert.Equal([new CapNamedValue("SAME", "006037")], english.Areas[0].Geocodes);
    }

    [Fact]
    public void Read_WhenIso88591EncodedAndSigned_DecodesLatin1AndIgnoresTheSignature()
    {
        var result = Read("usgs_earthquake_iso8859-1.cap.xml");

        Assert.True(result.IsAccepted, Describe(result));
        var info = Assert.Single(result.Alert.Infos);
        Assert.Equal("EQ 4.6 Usulután, Usulután, El Salvador - PRELIMINARY REPORT", info.Headline);
        Assert.StartsWith("47 miles (76 km) SSW of Usulután", info.Areas[0].Description, StringComparison.Ordinal);
        Assert.Contains(result.Notices, notice => notice.Contains("signature", StringComparison.OrdinalIgnoreCase) && notice.Contains("not verified", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenUsgsEarthquake_ReadsCircleDefaultLanguageAndOnsetBeforeSent()
    {
        var alert = Accepted("usgs_earthquake_iso8859-1.cap.xml");

        var info = Assert.Single(alert.Infos);
        Assert.Equal(CapInfo.DefaultLanguage, info.Language);
        Assert.Equal([CapCategory.Geo], info.Categories);
        Assert.Equal("Earthquake", info.Event);
        Assert.Equal(CapUrgency.Past, info.Urgency);
        var circle = Assert.Single(Assert.Single(info.Areas).Circles);
        Assert.Equal(new CapCircle(new CapPoint(12.747m, -88.783m), 0m), circle);
        Assert.Equal("12.747,-88.783 0.0", circle.ToString());
        // An observed event is reported after it began: onset before sent is accepted.
        Assert.True(info.Onset < alert.Sent);
        Assert.Equal(["0"], alert.Addresses);
        Assert.Equal(["IPAWSv1.0"], alert.Codes);
        Assert.Equal(12, info.Parameters.Count);
        Assert.Equal(new CapNamedValue("Magnitude", "4.6"), info.Parameters[3]);
    }

    [Fact]
    public void Read_WhenCanadianBilingualUpdate_ReadsReferencesPolygonsAndBothLanguages()
    {
        var result = Read("canada_bilingual_fr_en_cap11.cap.xml");

        Assert.True(result.IsAccepted, Describe(result));
        var alert = result.Alert;
        // Despite its file name the document is in the CAP 1.2 namespace.
        Assert.DoesNotContain(result.Notices, notice => notice.Contains("CAP 1.1", StringComparison.Ordinal));
        Assert.Equal(CapMessageType.Update, alert.MessageType);
        Assert.Equal(
            [
                new CapReference("cap@ec.gc.ca", "2.49.0.1.124.a3f342a4.2012", new DateTimeOffset(2012, 5, 2, 21, 45, 5, TimeSpan.Zero)),
                new CapReference("cap@ec.gc.ca", "2.49.0.1.124.60f31a3a.2012", new DateTimeOffset(2012, 5, 2, 21, 55, 21, TimeSpan.Zero)),
            ],
            alert.References);
        Assert.Equal(["profile:CAP-CP:0.4", "layer:EC-MSC-SMC:1.0", "layer:SOREM:1.0"], alert.Codes);
        Assert.Null(alert.Restriction);
        Assert.Null(alert.Note);
        Assert.Empty(alert.Addresses);
        Assert.Empty(alert.Incidents);
        Assert.Equal(["en-CA", "fr-CA"], alert.Infos.Select(info => info.Language));

        var (english, french) = (alert.Infos[0], alert.Infos[1]);
        Assert.Equal("thunderstorm", english.Event);
        Assert.Equal("orages", french.Event);
        Assert.Equal("veille d'orages violents", french.Headline);
        Assert.Contains("épreuve", french.Description, StringComparison.Ordinal);
        Assert.Equal([CapResponseType.AllClear], english.ResponseTypes);
        Assert.Null(english.Contact);
        Assert.Equal(["Windsor - Leamington - Essex County", "Chatham-Kent - Rondeau Park"], english.Areas.Select(area => area.Description));
        Assert.Equal("Windsor - Leamington - comté d'Essex", french.Areas[0].Description);
        var polygon = Assert.Single(english.Areas[0].Polygons);
        Assert.Equal(17, polygon.Points.Count);
        Assert.Equal(new CapPoint(42.3481m, -82.9314m), polygon.Points[0]);
        Assert.Equal(polygon.Points[0], polygon.Points[^1]);
        Assert.Equal(10, english.Areas[0].Geocodes.Count);
        Assert.Equal(new CapNamedValue("profile:CAP-CP:Location:0.3", "3537001"), english.Areas[0].Geocodes[1]);
    }

    [Fact]
    public void Read_WhenCap11Namespace_ReadsIntoTheCap12ModelWithANotice()
    {
        var text = File.ReadAllText(CapTestData.PathOf("canada_bilingual_fr_en_cap11.cap.xml"))
            .Replace("urn:oasis:names:tc:emergency:cap:1.2", "urn:oasis:names:tc:emergency:cap:1.1", StringComparison.Ordinal);

        var result = CapXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.True(result.IsAccepted, Describe(result));
        Assert.Contains(result.Notices, notice => notice.Contains("CAP 1.1", StringComparison.Ordinal));
        Assert.Equal(Accepted("canada_bilingual_fr_en_cap11.cap.xml"), result.Alert);
    }

    [Fact]
    public void Read_WhenDwdProfileWithPolygonHole_ReadsPolygonWarnCellsAndKeepsTheExcludePolygon()
    {
        var alert = Accepted("dwd_profile_sample_gale_polygon_hole.cap.xml");

        Assert.Equal("opendata@dwd.de", alert.Sender);
        Assert.Equal(
            [new CapReference("opendata@dwd.de", "2.49.0.0.276.0.DWD.PVW.1.x.ENG", new DateTimeOffset(2026, 7, 26, 9, 0, 0, TimeSpan.FromHours(2)))],
            alert.References);
        var info = Assert.Single(alert.Infos);
        Assert.Equal("en", info.Language);
        Assert.Equal("gale-force gusts", info.Event);
        Assert.Equal("Official WARNING of GALE-FORCE GUSTS", info.Headline);
        Assert.Equal([CapResponseType.Prepare], info.ResponseTypes);
        Assert.Equal(new DateTimeOffset(2026, 7, 26, 21, 0, 0, TimeSpan.FromHours(2)), info.Onset);
        Assert.Equal(new DateTimeOffset(2026, 7, 27, 14, 0, 0, TimeSpan.FromHours(2)), info.Expires);
        Assert.Equal("https://dwd.de/warnungen", info.Web);
        Assert.Equal(["polygonal event area", "Gemeinde Grainet", "Stadt Zwiesel"], info.Areas.Select(area => area.Description));
        Assert.Equal("49.0,12.0 49.0,13.0 50.0,13.0 50.0,12.0 49.0,12.0", Assert.Single(info.Areas[0].Polygons).ToString());
        Assert.Equal(new CapNamedValue("EXCLUDE_POLYGON", "49.4,12.4 49.4,12.6 49.6,12.6 49.6,12.4 49.4,12.4"), Assert.Single(info.Areas[0].Geocodes));
        Assert.Equal([new CapNamedValue("WARNCELLID", "809272121")], info.Areas[1].Geocodes);
    }

    [Fact]
    public void Read_WhenScopeMissing_RefusesNamingScope()
    {
        var result = Read("invalid_missing_scope.cap.xml");

        Assert.False(result.IsAccepted);
        Assert.Null(result.Alert);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("alert/scope", problem.Path);
        Assert.Contains("required but missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenNoaaRequiredValuesEmpty_RefusesNamingEachEmptyValue()
    {
        var result = Read("noaa_empty_required_values.cap.xml");

        Assert.False(result.IsAccepted);
        Assert.Contains(result.Notices, notice => notice.Contains("CAP 1.1", StringComparison.Ordinal));
        Assert.Equal(
            [
                "alert/references",
                "alert/info[1]/urgency",
                "alert/info[1]/severity",
                "alert/info[1]/certainty",
                "alert/info[1]/area[1]/polygon[1]",
                "alert/info[1]/area[1]/polygon[2]",
            ],
            result.Problems.Select(problem => problem.Path));
        Assert.All(result.Problems.Skip(1).Take(3), problem => Assert.StartsWith("is empty", problem.Message, StringComparison.Ordinal));
        Assert.StartsWith("is empty", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'+40.85,-118.09,'", result.Problems[4].Message, StringComparison.Ordinal);
        Assert.StartsWith("is empty", result.Problems[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenXxeAttack_RefusesForTheDoctype()
    {
        var result = Read("xxe_attack_nws_thunderstorm.cap.xml");

        Assert.False(result.IsAccepted);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("document", problem.Path);
        Assert.Contains("DOCTYPE", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenXIncludeWithoutDoctype_RefusesForTheXInclude()
    {
        var text = File.ReadAllText(CapTestData.PathOf("xxe_attack_nws_thunderstorm.cap.xml"));
        var withoutDoctype = text[..text.IndexOf("<!DOCTYPE", StringComparison.Ordinal)]
            + text[(text.IndexOf("]>", StringComparison.Ordinal) + 2)..].Replace("&xxe;", "", StringComparison.Ordinal);

        var result = CapXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(withoutDoctype)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("document", problem.Path);
        Assert.Contains("XInclude", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenDocumentPointsAtAServer_NeverConnects()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        var hostile = File.ReadAllText(CapTestData.PathOf("xxe_attack_nws_thunderstorm.cap.xml"))
            .Replace("http://localhost:8080", url, StringComparison.Ordinal)
            .Replace("http://http://localhost:8080", url, StringComparison.Ordinal);
        var withoutDoctype = hostile[..hostile.IndexOf("<!DOCTYPE", StringComparison.Ordinal)]
            + hostile[(hostile.IndexOf("]>", StringComparison.Ordinal) + 2)..].Replace("&xxe;", "", StringComparison.Ordinal);

        var results = new[] { hostile, withoutDoctype }
            .Select(document => CapXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(document))))
            .ToList();

        Assert.All(results, result => Assert.False(result.IsAccepted));
        Assert.False(listener.Pending(), "The reader connected to the URL in the document.");
    }

    [Fact]
    public void Read_WhenUtf16WithDoctype_RefusesForTheDoctype()
    {
        var text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><!DOCTYPE alert [<!ENTITY a \"aaaa\">]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&a;</alert>";

        var result = CapXmlReader.Read(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray()));

        Assert.Contains("DOCTYPE", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenLargerThanTheBound_RefusesWithoutParsing()
    {
        var padding = new string(' ', CapInput.MaxDocumentBytes);
        var text = $"<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">{padding}</alert>";

        var result = CapXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("document", problem.Path);
        Assert.Contains("larger than", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenNotXml_RefusesAsNotWellFormed()
    {
        var result = CapXmlReader.Read(new MemoryStream("{\"identifier\": \"x\"}"u8.ToArray()));

        Assert.Contains("not well-formed", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenCap10Namespace_RefusesNamingTheNamespace()
    {
        var result = CapXmlReader.Read(new MemoryStream("<alert xmlns=\"http://www.incident.com/cap/1.0\"><identifier>x</identifier></alert>"u8.ToArray()));

        var problem = Assert.Single(result.Problems);
        Assert.Contains("http://www.incident.com/cap/1.0", problem.Message, StringComparison.Ordinal);
        Assert.Contains("urn:oasis:names:tc:emergency:cap:1.2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenUnknownAndForeignElements_RefusesNamingThem()
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "<scope>Public</scope>",
            "<scope>Public</scope><colour>red</colour><x:y xmlns:x=\"urn:other\">z</x:y>",
            StringComparison.Ordinal)));

        Assert.Equal(["alert/colour", "alert/y"], result.Problems.Select(problem => problem.Path));
        Assert.Contains("not a CAP 1.2 element", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("urn:other", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenSingleElementRepeated_RefusesNamingIt()
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "<status>Actual</status>",
            "<status>Actual</status><status>Test</status>",
            StringComparison.Ordinal)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("alert/status", problem.Path);
        Assert.Contains("appears 2 times", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<sent>2026-11-29T17:00:00Z</sent>")]
    [InlineData("<sent>2026-11-29T18:00:00.5+01:00</sent>")]
    [InlineData("<sent>2026-11-29 18:00:00+01:00</sent>")]
    [InlineData("<sent>29.11.2026 18:00</sent>")]
    public void Read_WhenSentNotInCapForm_RefusesNamingSent(string sent)
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "<sent>2026-11-29T18:00:00+01:00</sent>", sent, StringComparison.Ordinal)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("alert/sent", problem.Path);
        Assert.Contains("§3.3.2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenEnumerationInWrongCase_RefusesNamingTheElement()
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "<urgency>Immediate</urgency>", "<urgency>immediate</urgency>", StringComparison.Ordinal)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("alert/info[1]/urgency", problem.Path);
        Assert.Contains("'immediate' is not one of Immediate, Expected, Future, Past, Unknown", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenNumericEnumeration_Refuses()
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "<status>Actual</status>", "<status>1</status>", StringComparison.Ordinal)));

        Assert.Equal("alert/status", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Read_WhenTextElementHasChildElements_RefusesNamingIt()
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal.Replace(
            "<event>Unwetter</event>", "<event>Un<b>wetter</b></event>", StringComparison.Ordinal)));

        Assert.Contains(result.Problems, problem => problem.Path == "alert/info[1]/event" && problem.Message.Contains("text only", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenMinimalDocument_Accepts()
    {
        var result = CapXmlReader.Read(CapDocuments.Stream(CapDocuments.Minimal));

        Assert.True(result.IsAccepted, Describe(result));
        Assert.Empty(result.Notices);
    }

    internal static CapReadResult Read(string fileName)
    {
        using var stream = CapTestData.Open(fileName);
        return CapXmlReader.Read(stream);
    }

    internal static CapAlert Accepted(string fileName)
    {
        var result = Read(fileName);
        Assert.True(result.IsAccepted, Describe(result));
        return result.Alert;
    }

    internal static string Describe(CapReadResult result) =>
        result.IsAccepted ? "accepted" : $"refused: {string.Join(" | ", result.Problems)}";
}
