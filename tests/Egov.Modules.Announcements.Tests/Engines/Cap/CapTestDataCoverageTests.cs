namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>Every file in the shared CAP folder has its test: a new file fails here until it gets one.</summary>
public sealed class CapTestDataCoverageTests
{
    /// <summary>The files the reader tests cover, accepted ones also by the round-trip and schema tests.</summary>
    private static readonly string[] Covered =
    [
        "oasis_cap12_amber_alert_bilingual.cap.xml",
        "usgs_earthquake_iso8859-1.cap.xml",
        "canada_bilingual_fr_en_cap11.cap.xml",
        "dwd_profile_sample_gale_polygon_hole.cap.xml",
        "invalid_missing_scope.cap.xml",
        "noaa_empty_required_values.cap.xml",
        "xxe_attack_nws_thunderstorm.cap.xml",
        "bbk_dwd_storm_gusts_update_3lang.json",
        "bbk_mowas_update_drinking_water_4lang.json",
        "bbk_mowas_cancel_power_outage.json",
    ];

    [Fact]
    public void SharedCapFolder_WhenListed_HasATestForEveryFile()
    {
        Assert.Equal(Covered.Order(StringComparer.Ordinal), CapTestData.AllFileNames().Order(StringComparer.Ordinal));
    }
}
