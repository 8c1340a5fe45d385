using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.SharedKernel.Time;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The feedback mechanism of the accessibility statement (issue 24, § 12b BGG): anyone reports a barrier without an
/// account, through the page or the API; the report reaches the staff's list with an answer-by day one month later
/// (Europe/Berlin); only administrators (and a configured department) see it; it is marked answered once.
/// </summary>
public sealed class AccessibilityFeedbackTests(AccessibilityFeedbackTests.FeedbackHost host) : IClassFixture<AccessibilityFeedbackTests.FeedbackHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_ReportsThroughTheApi_AndTheAdministratorSeesItOpen_WithTheAnswerByDayAMonthLater()
    {
        using var anonymous = host.CreateClient();
        var where = $"/forms/hundesteuer {Guid.NewGuid():N}";
        var before = CivilTime.Today(TimeProvider.System);

        using var sent = await anonymous.PostAsJsonAsync("/api/v1/accessibility-feedback", new
        {
            page = where, description = "Das Datumsfeld lässt sich nicht mit der Tastatur bedienen.", contactEmail = "erika@example.org",
        }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var receipt = await sent.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var answerBy = DateOnly.Parse(receipt.GetProperty("answerBy").GetString()!, CultureInfo.InvariantCulture);
        Assert.Contains(answerBy, new[] { before.AddMonths(1), CivilTime.Today(TimeProvider.System).AddMonths(1) });

        using var admin = await host.CreateClientAsAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/accessibility-feedback?open=true", Ct);
        var report = Assert.Single(list.EnumerateArray(), r => r.GetProperty("page").GetString() == where);
        Assert.False(report.GetProperty("overdue").GetBoolean());
        Assert.Equal("erika@example.org", report.GetProperty("contactEmail").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("answeredAt").ValueKind);
    }

    [Theory]
    [InlineData("citizen", "erika")]
    [InlineData("caseworker of another department", "caseworker")]
    public async Task OnlyAdministrators_AndTheConfiguredDepartment_SeeTheReports(string who, string user)
    {
        using var client = await host.CreateClientAsAsync(user);

        using var response = await client.GetAsync("/api/v1/accessibility-feedback", Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{who}: {response.StatusCode}");
    }

    [Theory]
    [InlineData("""{ "page": "/", "description": "" }""", "description")]
    [InlineData("""{ "page": "/\u0007", "description": "Klingelzeichen" }""", "page")]
    [InlineData("""{ "page": "/", "description": "x", "contactEmail": "keine adresse" }""", "contactEmail")]
    [InlineData("""{ "page": "/", "description": "x", "language": "fr" }""", "language")]
    public async Task BadReports_AreRefused_NamingTheField_AndNothingIsStored(string body, string field)
    {
        using var anonymous = host.CreateClient();
        using var admin = await host.CreateClientAsAsync("admin");
        var count = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/accessibility-feedback", Ct)).GetArrayLength();

        using var sent = await anonymous.PostAsync("/api/v1/accessibility-feedback", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var problem = await sent.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(count, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/accessibility-feedback", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task MarkedAnswered_MovesToTheAnswered_AndASecondMarkIsAConflict()
    {
        using var anonymous = host.CreateClient();
        var where = $"Kontaktformular {Guid.NewGuid():N}";
        (await anonymous.PostAsJsonAsync("/api/v1/accessibility-feedback", new { page = where, description = "Kontrast zu gering." }, Ct)).Dispose();
        using var admin = await host.CreateClientAsAsync("admin");
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/accessibility-feedback?open=true", Ct)).EnumerateArray()
            .Single(r => r.GetProperty("page").GetString() == where).GetProperty("id").GetGuid();

        using var answered = await admin.PostAsJsonAsync($"/api/v1/accessibility-feedback/{id}/answered", new { note = "Farben angepasst, per E-Mail geantwortet." }, Ct);
        using var again = await admin.PostAsJsonAsync($"/api/v1/accessibility-feedback/{id}/answered", new { note = "noch einmal" }, Ct);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var open = await admin.GetFromJsonAsync<JsonElement>("/api/v1/accessibility-feedback?open=true", Ct);
        Assert.DoesNotContain(open.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var done = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/accessibility-feedback?open=false", Ct)).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("Farben angepasst, per E-Mail geantwortet.", done.GetProperty("answerNote").GetString());
    }

    [Fact]
    public async Task ThePage_TakesAReportWithoutAnAccount_AndTheAdministratorAnswersItOnTheStaffPage()
    {
        using var browser = host.CreateBrowser();
        var statement = await browser.GetStringAsync("/barrierefreiheit", Ct);
        Assert.Contains("href=\"/barrierefreiheit/rueckmeldung\"", statement, StringComparison.Ordinal);
        var form = await browser.GetStringAsync("/barrierefreiheit/rueckmeldung", Ct);
        var token = BrowserHostFactory.HiddenInput(form, "__RequestVerificationToken");
        var where = $"Startseite {Guid.NewGuid():N}";

        using var refused = await PostAsync(browser, "/barrierefreiheit/rueckmeldung", token, ("Where", where), ("Description", ""));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        using var taken = await PostAsync(browser, "/barrierefreiheit/rueckmeldung", token, ("Where", where), ("Description", "Die Suche hat kein Label."), ("ContactEmail", ""));
        var takenHtml = WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync(Ct));

        Assert.Contains("Beschreiben Sie die Barriere", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#feedback-description\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Ihre Meldung ist eingegangen", takenHtml, StringComparison.Ordinal);
        Assert.Contains(PortalDate(CivilTime.Today(TimeProvider.System).AddMonths(1)), takenHtml, StringComparison.Ordinal);

        using var staff = await host.SignedInBrowserAsync("admin");
        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/staff/barrierefreiheit", Ct));
        Assert.Contains(where, list, StringComparison.Ordinal);
        using var admin = await host.CreateClientAsAsync("admin");
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/accessibility-feedback?open=true", Ct)).EnumerateArray()
            .Single(r => r.GetProperty("page").GetString() == where).GetProperty("id").GetGuid();
        using var marked = await PostAsync(staff, $"/staff/barrierefreiheit?handler=Answered&id={id}", BrowserHostFactory.HiddenInput(list, "__RequestVerificationToken"), ("note", "Label ergänzt."));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var after = WebUtility.HtmlDecode(await staff.GetStringAsync("/staff/barrierefreiheit", Ct));
        Assert.Contains("Label ergänzt.", after, StringComparison.Ordinal);

        using var citizen = await host.SignedInBrowserAsync("erika");
        using var forbidden = await citizen.GetAsync("/staff/barrierefreiheit", Ct);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    private static string PortalDate(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string token, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await browser.PostAsync(path, content, Ct);
    }

    /// <summary>The host on Kestrel (for the pages' cookies) with a rate limit that the class's reports stay under.</summary>
    public sealed class FeedbackHost : BrowserHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:AccessibilityFeedback:ReportsPerMinute", "100");
        }
    }
}
