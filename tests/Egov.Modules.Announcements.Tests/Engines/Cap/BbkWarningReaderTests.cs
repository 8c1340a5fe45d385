using System.Text;
using Egov.Modules.Announcements.Engines.Cap;

namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>Every shared BBK warning-app JSON file, and the refusals of the JSON form.</summary>
public sealed class BbkWarningReaderTests
{
    [Fact]
    public void Read_WhenDwdStormUpdateInThreeLanguages_ReadsLanguagesReferencesAndArea()
    {
        var alert = Accepted("bbk_dwd_storm_gusts_update_3lang.json");

        Assert.Equal("dwdmap.2.49.0.0.276.0.DWD.PVW.1789822740000.0e032817-18f7-4426-ba05-2d596cd4616b.MUL", alert.Identifier);
        Assert.Equal("opendata@dwd.de", alert.Sender);
        Assert.Equal(new DateTimeOffset(2026, 9, 19, 14, 59, 0, TimeSpan.FromHours(2)), alert.Sent);
        Assert.Equal(CapMessageType.Update, alert.MessageType);
        Assert.Equal("PVW", alert.Source);
        Assert.Equal(["DVN:20", "id:2.49.0.0.276.0.DWD.PVW.1789822740000.0e032817-18f7-4426-ba05-2d596cd4616b"], alert.Codes);
        var reference = Assert.Single(alert.References);
        Assert.Equal("dwdmap.2.49.0.0.276.0.DWD.PVW.1789750500000.41038775-570c-4a6b-8000-c33f7cad7e54.MUL", reference.Identifier);
        Assert.Equal(new DateTimeOffset(2026, 9, 18, 16, 55, 0, TimeSpan.Zero), reference.Sent);
        Assert.Equal(["de-DE", "en", "fr"], alert.Infos.Select(info => info.Language));

        var german = alert.Infos[0];
        Assert.Equal("SCHWERE STURMBÖEN", german.Event);
        Assert.Equal("Amtliche WARNUNG vor SCHWEREN STURMBÖEN", german.Headline);
        Assert.Equal("Official WARNING of STORM-FORCE GUSTS", alert.Infos[1].Headline);
        Assert.Equal([CapCategory.Met], german.Categories);
        Assert.Equal([CapResponseType.Prepare], german.ResponseTypes);
        Assert.Equal((CapUrgency.Immediate, CapSeverity.Moderate, CapCertainty.Likely), (german.Urgency, german.Severity, german.Certainty));
        Assert.Equal(german.Effective, german.Onset);
        Assert.Equal(new DateTimeOffset(2026, 9, 21, 8, 0, 0, TimeSpan.FromHours(2)), german.Expires);
        Assert.Equal(new CapNamedValue("LICENSE", "© GeoBasis-DE / BKG 2021 (Daten modifiziert)"), german.EventCodes[1]);
        Assert.Equal("Stadt Wernigerode", Assert.Single(german.Areas).Description);
        // Texts are kept as served, HTML fragments included.
        Assert.Contains("<br/>", german.Instruction, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenMowasUpdateInFourLanguages_ReadsPlainLanguageAndReferences()
    {
        var alert = Accepted("bbk_mowas_update_drinking_water_4lang.json");

        Assert.Equal("mow.DE-SL-SLS-W038-20260904-000", alert.Identifier);
        Assert.Equal(CapMessageType.Update, alert.MessageType);
        Assert.Equal(
            [new CapReference("DE-SL-SLS-W038", "mow.DE-SL-SLS-W038-20260901-000", new DateTimeOffset(2026, 9, 1, 14, 57, 23, TimeSpan.Zero))],
            alert.References);
        Assert.Equal(["de", "de-LS", "en", "fr"], alert.Infos.Select(info => info.Language));
        Assert.Equal("Trinkwasserverschmutzung", alert.Infos[1].Headline);
        Assert.Equal("Contaminated drinking water", alert.Infos[2].Headline);
        Assert.Equal("Pollution de l'eau potable", alert.Infos[3].Headline);
        Assert.All(alert.Infos, info => Assert.Equal([CapCategory.Health], info.Categories));
        Assert.All(alert.Infos, info => Assert.Empty(info.ResponseTypes));
        Assert.Equal("Gefahreninformation", alert.Infos[0].Event);
        Assert.Equal(new CapNamedValue("profile:DE-BBK-EVENTCODE", "BBK-EVC-069"), Assert.Single(alert.Infos[0].EventCodes));
        Assert.Equal("Katastrophenschutzbehörde LK Saarlouis\nKaiser-Wilhelm-Straße 4-6\n66740 Saarlouis", alert.Infos[0].Parameters[0].Value);
        Assert.Equal("Biringen, Fürweiler, Gerlfangen und Oberesch - Gde. ReSi", alert.Infos[1].Areas[0].Description);
        Assert.Null(alert.Infos[0].Expires);
    }

    [Fact]
    public void Read_WhenMowasCancel_ReadsCancelAllClearAndReference()
    {
        var alert = Accepted("bbk_mowas_cancel_power_outage.json");

        Assert.Equal(CapMessageType.Cancel, alert.MessageType);
        Assert.Equal("DE-SL-SB-SE035", alert.Sender);
        Assert.Equal(
            [new CapReference("DE-SL-SB-SE035", "mow.DE-SL-SB-SE035-20260920-35-000", new DateTimeOffset(2026, 9, 20, 14, 2, 18, TimeSpan.Zero))],
            alert.References);
        Assert.Equal(["de", "en"], alert.Infos.Select(info => info.Language));
        var german = alert.Infos[0];
        Assert.Equal([CapCategory.Infra], german.Categories);
        Assert.Equal([CapResponseType.AllClear], german.ResponseTypes);
        Assert.Equal("Entwarnung: Stromabschaltung - Siersburg", german.Headline);
        Assert.Equal("Power outage", alert.Infos[1].Headline);
        Assert.Null(german.Onset);
        Assert.Null(german.Effective);
        Assert.Null(german.SenderName);
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 23, 50, 56, TimeSpan.FromHours(2)), german.Expires);
        Assert.Equal("Siersburg", Assert.Single(german.Areas).Description);
    }

    [Fact]
    public void Read_WhenSameWarningAsXml_GivesTheSameModel()
    {
        var json = Accepted("bbk_mowas_cancel_power_outage.json");

        var xml = CapXmlReader.Read(new MemoryStream(CapXmlWriter.Write(json)));

        Assert.True(xml.IsAccepted, CapXmlReaderTests.Describe(xml));
        Assert.Equal(json, xml.Alert);
    }

    [Fact]
    public void Read_WhenScopeMissingAndMsgTypeInWrongCase_RefusesNamingBoth()
    {
        var result = Read(Edit(node =>
        {
            node.Remove("scope");
            node["msgType"] = "update";
        }));

        Assert.Equal(["alert/msgType", "alert/scope"], result.Problems.Select(problem => problem.Path));
    }

    [Fact]
    public void Read_WhenExpiresBeforeOnset_RefusesNamingExpires()
    {
        var result = Read(Edit(node => node["info"]![0]!["expires"] = "2026-09-19T14:00:00+02:00"));

        Assert.Contains(result.Problems, problem => problem.Path == "alert/info[1]/expires" && problem.Message.Contains("onset", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenPolygonOpen_RefusesNamingThePolygon()
    {
        var result = Read(Edit(node => node["info"]![0]!["area"]![0]!["polygon"] = new System.Text.Json.Nodes.JsonArray("51.8,10.7 51.8,10.8 51.9,10.8 51.9,10.7")));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("alert/info[1]/area[1]/polygon[1]", problem.Path);
        Assert.Contains("not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenPolygonAndGeocodesGiven_ReadsThem()
    {
        var result = Read(Edit(node =>
        {
            var area = node["info"]![0]!["area"]![0]!;
            area["polygon"] = "51.8,10.7 51.8,10.8 51.9,10.8 51.8,10.7";
            area["geocode"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["valueName"] = "ARS", ["value"] = "153690000000" });
        }));

        Assert.True(result.IsAccepted, CapXmlReaderTests.Describe(result));
        var area = result.Alert.Infos[0].Areas[0];
        Assert.Equal(4, Assert.Single(area.Polygons).Points.Count);
        Assert.Equal([new CapNamedValue("ARS", "153690000000")], area.Geocodes);
    }

    [Fact]
    public void Read_WhenInfoIsNotAnObject_RefusesNamingIt()
    {
        var result = Read(Edit(node => node["info"] = new System.Text.Json.Nodes.JsonArray("text")));

        Assert.Contains(result.Problems, problem => problem.Path == "alert/info[1]" && problem.Message.Contains("JSON object", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenDuplicateMember_Refuses()
    {
        var result = BbkWarningReader.Read(new MemoryStream("""{"identifier":"a","identifier":"b"}"""u8.ToArray()));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("document", problem.Path);
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenNotAnObject_Refuses()
    {
        var result = BbkWarningReader.Read(new MemoryStream("[1, 2]"u8.ToArray()));

        Assert.Contains("not a JSON object", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenUnknownMembers_IgnoresThem()
    {
        var result = Read(Edit(node => node["bbkExtra"] = "ignored"));

        Assert.True(result.IsAccepted, CapXmlReaderTests.Describe(result));
    }

    internal static CapAlert Accepted(string fileName)
    {
        using var stream = CapTestData.Open(fileName);
        var result = BbkWarningReader.Read(stream);
        Assert.True(result.IsAccepted, CapXmlReaderTests.Describe(result));
        return result.Alert;
    }

    private static CapReadResult Read(string json) => BbkWarningReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    /// <summary>The DWD storm warning, changed by <paramref name="change"/>.</summary>
    private static string Edit(Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(CapTestData.PathOf("bbk_dwd_storm_gusts_update_3lang.json")))!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
