using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Testing;

namespace Egov.IntegrationTests.Announcements;

/// <summary>
/// Official warnings imported for re-publication, file by file from <c>tests/testdata/cap</c>:
/// good ones become draft alerts with their languages, hostile and invalid ones are refused with
/// the reason, Update and Cancel chains link to what was imported before.
/// </summary>
public sealed class AlertImportTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("oasis_cap12_amber_alert_bilingual.cap.xml", "Alert", new string[0])]
    [InlineData("usgs_earthquake_iso8859-1.cap.xml", "Alert", new string[0])]
    [InlineData("dwd_profile_sample_gale_polygon_hole.cap.xml", "Alert", new string[0])]
    [InlineData("bbk_dwd_storm_gusts_update_3lang.json", "Alert", new[] { "de", "en" })]
    [InlineData("bbk_mowas_update_drinking_water_4lang.json", "Alert", new[] { "de", "en", "de-x-ls" })]
    public async Task GoodWarnings_BecomeDraftAlerts(string file, string msgType, string[] languages)
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");

        var response = await ImportAsync(crisis, file);

        if (languages.Length == 0)
        {
            // Valid CAP without a German info (English/Spanish AMBER alert, USGS earthquake, the English DWD sample): nothing to re-publish.
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("German", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            return;
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var draft = await Json(response);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("Alert", draft.GetProperty("kind").GetString());
        var content = draft.GetProperty("content");
        Assert.Equal(languages, content.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("language").GetString()));
        Assert.Equal(msgType, content.GetProperty("alert").GetProperty("msgType").GetString());
        Assert.Contains(",", content.GetProperty("alert").GetProperty("importedFrom").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(content.GetProperty("alert").GetProperty("areas").EnumerateArray());
    }

    [Theory]
    [InlineData("xxe_attack_nws_thunderstorm.cap.xml", "DOCTYPE")]
    [InlineData("invalid_missing_scope.cap.xml", "alert/scope")]
    [InlineData("noaa_empty_required_values.cap.xml", "urgency")]
    public async Task HostileAndInvalidWarnings_AreRefusedWithTheReason(string file, string reason)
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");

        var response = await ImportAsync(crisis, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await Json(response)).GetProperty("errors").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelOfAWarningNeverImported_IsRefused()
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");

        var response = await ImportAsync(crisis, "bbk_mowas_cancel_power_outage.json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("never imported", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelOfAnImportedWarning_IsLinkedToIt()
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");
        var original = await Json(await ImportAsync(crisis, "bbk_mowas_update_drinking_water_4lang.json"));
        var importedFrom = original.GetProperty("content").GetProperty("alert").GetProperty("importedFrom").GetString()!;

        // The real all-clear, pointed at the warning imported above.
        var cancel = (await File.ReadAllTextAsync(Path.Combine(CapTestFiles.Folder(), "bbk_mowas_cancel_power_outage.json"), Ct))
            .Replace("DE-SL-SB-SE035,mow.DE-SL-SB-SE035-20260920-35-000,2026-09-20T14:02:18-00:00", importedFrom, StringComparison.Ordinal);
        using var content = new StringContent(cancel, System.Text.Encoding.UTF8, "application/json");
        var response = await crisis.PostAsync("/api/v1/alerts/import", content, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alert = (await Json(response)).GetProperty("content").GetProperty("alert");
        Assert.Equal("Cancel", alert.GetProperty("msgType").GetString());
        // Linked to every draft imported from that warning (other tests of this class import it too).
        Assert.Contains(original.GetProperty("id").GetGuid(), alert.GetProperty("references").EnumerateArray().Select(r => r.GetGuid()));
    }

    [Theory]
    [InlineData("<status>Actual</status>", "<status>Exercise</status>")]
    [InlineData("<scope>Public</scope>", "<scope>Private</scope><addresses>krisenstab@example.org</addresses>")]
    public async Task ExercisesAndNonPublicWarnings_AreNotRepublished(string original, string replacement)
    {
        using var crisis = await factory.CreateClientAsAsync("crisis");
        var xml = (await File.ReadAllTextAsync(Path.Combine(CapTestFiles.Folder(), "oasis_cap12_amber_alert_bilingual.cap.xml"), Ct)).Replace(original, replacement, StringComparison.Ordinal);
        using var content = new StringContent(xml, System.Text.Encoding.UTF8, "application/cap+xml");

        var response = await crisis.PostAsync("/api/v1/alerts/import", content, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Only public, actual warnings", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ByACitizenOrInAnotherFormat_IsRefused()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        using var editor = await factory.CreateClientAsAsync("editor");

        var citizen = await ImportAsync(erika, "dwd_profile_sample_gale_polygon_hole.cap.xml");
        using var text = new StringContent("Sturm!", System.Text.Encoding.UTF8, "text/plain");
        var plain = await editor.PostAsync("/api/v1/alerts/import", text, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, citizen.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string file)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(CapTestFiles.Folder(), file), Ct));
        content.Headers.ContentType = new MediaTypeHeaderValue(file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/cap+xml");
        return await client.PostAsync("/api/v1/alerts/import", content, Ct);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
}
