using System.Net;
using System.Text.RegularExpressions;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// The crisis team's template page <c>/staff/alerts/templates</c>, as a browser uses it (session cookie, antiforgery
/// token): an approved template is issued by filling its placeholders; a missing value names the field and issues
/// nothing; an unapproved template offers no issue form; an Editor writes a template on the page and an Approver
/// approves it there, never one they wrote themselves (four eyes).
/// </summary>
public sealed partial class AlertTemplatePageTests(StaffPagesBadInputTests.Factory factory) : IClassFixture<StaffPagesBadInputTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovedTemplate_IsIssuedFromThePage_AMissingValueNamesTheField()
    {
        var approved = await TemplateAsync("Stromausfall Seite", approve: true);
        var unapproved = await TemplateAsync("Entwurf Seite", approve: false);
        var browser = await factory.BrowserAsync("crisis");

        var page = await browser.GetAsync("/staff/alerts/templates", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"values[Ort]\"", html, StringComparison.Ordinal);
        Assert.Contains(approved.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{unapproved}\"", html, StringComparison.Ordinal);
        var token = Token(html);
        var alertsBefore = await AlertCountAsync();

        var missing = await PostAsync(browser, token, approved, ("values[Ort]", "Nordstadt"));
        var missingHtml = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("{Zeit}: give its value", missingHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Nordstadt\"", missingHtml, StringComparison.Ordinal);
        Assert.Equal(alertsBefore, await AlertCountAsync());

        var issued = await PostAsync(browser, token, approved, ("values[Ort]", "Nordstadt"), ("values[Zeit]", "18:00"));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Matches("^/staff/alerts/[0-9a-f-]{36}\\?issued=true$", issued.Headers.Location!.OriginalString);
        Assert.Equal(alertsBefore + 1, await AlertCountAsync());
    }

    [Fact]
    public async Task EditorWritesTemplateOnThePage_AnApproverApprovesIt_NeverTheirOwn()
    {
        var editor = await factory.BrowserAsync("editor");
        var form = await editor.GetAsync("/staff/alerts/templates/new", Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        var saved = await PostFormAsync(editor, "/staff/alerts/templates/new", Token(await form.Content.ReadAsStringAsync(Ct)), TemplateFields("Gasaustritt Seite", "6"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(SavedId().Match(saved.Headers.Location!.OriginalString).Groups[1].Value);
        var written = await StoredTemplateAsync(id);
        Assert.Equal(("dev-staff-editor", null, 2), (written.AuthorSubject, written.ApprovedAt, written.Content.Variants.Count));
        Assert.Equal(["de", "en"], written.Content.Variants.Select(v => v.Language));
        Assert.Equal("Gasaustritt in {Straße}", written.Content.Variants[0].Title);
        Assert.Equal((6, "059620032032"), (written.Content.Cap.ValidHours, written.Content.Cap.Geocodes.Single().Value));
        Assert.Equal([("Stadt Mastodon", "Mastodon")], written.Content.Channels.Select(c => (c.Name, c.Kind)));

        // Four eyes: the approver's own template is refused on the page, and stays unapproved.
        var own = await TemplateAsync("Eigene Vorlage Seite", approve: false, authorSubject: "dev-staff-approver");
        var approver = await factory.BrowserAsync("approver");
        var list = await (await approver.GetAsync("/staff/alerts/templates", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Fassung freigeben", list, StringComparison.Ordinal);
        var refused = await PostFormAsync(approver, "/staff/alerts/templates?handler=Approve", Token(list), ("id", own.ToString()), ("version", (await StoredTemplateAsync(own)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("four-eyes principle", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null((await StoredTemplateAsync(own)).ApprovedAt);

        var approved = await PostFormAsync(approver, "/staff/alerts/templates?handler=Approve", Token(list), ("id", id.ToString()), ("version", written.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("dev-staff-approver", (await StoredTemplateAsync(id)).ApprovedBySubject);

        var caseworker = await factory.BrowserAsync("caseworker");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync("/staff/alerts/templates/new", Ct)).StatusCode);
    }

    [Fact]
    public async Task TemplateFormWithBadInput_NamesEachField_StoresNothing()
    {
        var editor = await factory.BrowserAsync("editor");
        var token = Token(await (await editor.GetAsync("/staff/alerts/templates/new", Ct)).Content.ReadAsStringAsync(Ct));
        var before = await TemplateCountAsync();

        var refused = await PostFormAsync(editor, "/staff/alerts/templates/new", token,
            ("Form.Name", ""), ("Form.Texts[de-title]", ""), ("Form.Texts[de-text]", "Ab {Uhrzeit} Uhr"), ("Form.Texts[de-instruction]", "x"),
            ("Form.Event", "Gas"), ("Form.Category", "Bogus"), ("Form.Urgency", "Immediate"), ("Form.Severity", "Severe"), ("Form.Certainty", "Likely"),
            ("Form.ResponseType", "Avoid"), ("Form.AreaDescription", "x"), ("Form.RegionalKeys", ""), ("Form.ValidHours", "abc"));

        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        foreach (var input in new[] { "name", "de-title", "de-text", "category", "regional-keys", "valid-hours" })
        {
            Assert.Contains($"id=\"{input}-error\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"#{input}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Ab {Uhrzeit} Uhr", html, StringComparison.Ordinal);
        Assert.Equal(before, await TemplateCountAsync());
    }

    private static (string, string)[] TemplateFields(string name, string validHours) =>
    [
        ("Form.Name", name), ("Form.Texts[de-title]", "Gasaustritt in {Straße}"), ("Form.Texts[de-text]", "Seit {Zeit} Uhr tritt in {Straße} Gas aus."),
        ("Form.Texts[de-instruction]", "Meiden Sie den Bereich."), ("Form.Texts[de-x-ls-title]", ""), ("Form.Texts[de-x-ls-text]", ""), ("Form.Texts[de-x-ls-instruction]", ""),
        ("Form.Texts[en-title]", "Gas leak in {Straße}"), ("Form.Texts[en-text]", "Gas has been leaking in {Straße} since {Zeit}."), ("Form.Texts[en-instruction]", "Avoid the area."),
        ("Form.Event", "Gasaustritt"), ("Form.Category", "CBRNE"), ("Form.Urgency", "Immediate"), ("Form.Severity", "Severe"), ("Form.Certainty", "Observed"),
        ("Form.ResponseType", "Avoid"), ("Form.AreaDescription", "{Straße}"), ("Form.RegionalKeys", "059620032032"), ("Form.ValidHours", validHours),
        ("Form.Channels", "Stadt Mastodon, Mastodon"),
    ];

    private async Task<AlertTemplate> StoredTemplateAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().AlertTemplates.AsNoTracking().SingleAsync(t => t.Id == id, Ct);
    }

    private async Task<int> TemplateCountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().AlertTemplates.CountAsync(Ct);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string token, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await browser.PostAsync(path, content, Ct);
    }

    [GeneratedRegex("saved=([0-9a-f-]{36})")]
    private static partial Regex SavedId();

    private async Task<Guid> TemplateAsync(string name, bool approve, string authorSubject = "dev-staff-editor")
    {
        var now = DateTimeOffset.UtcNow;
        var author = new ContentActor(authorSubject, "Eva Redakteurin", IsEditor: true, IsApprover: false, IsCrisisManager: false);
        var template = AlertTemplate.Create(name, new AlertTemplateContent(
            [new AlertTemplateVariant("de", name + ": {Ort}", "Ab {Zeit} Uhr in {Ort}.", "Halten Sie Taschenlampen bereit.")],
            [],
            new AlertTemplateCap(name, "Infra", "Immediate", "Moderate", "Observed", "Prepare", "{Ort}", [new AlertGeocode("ARS", "059620032032")], 4)), author, now);
        if (approve)
        {
            template.Approve(new ContentActor("dev-staff-approver", "Paul Pressesprecher", IsEditor: false, IsApprover: true, IsCrisisManager: false), now);
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        db.AlertTemplates.Add(template);
        await db.SaveChangesAsync(Ct);
        return template.Id;
    }

    private async Task<int> AlertCountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().Announcements.CountAsync(a => a.Kind == AnnouncementKind.Alert, Ct);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string token, Guid id, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("id", id.ToString()), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await browser.PostAsync("/staff/alerts/templates?handler=Issue", content, Ct);
    }

    private static string Token(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}
