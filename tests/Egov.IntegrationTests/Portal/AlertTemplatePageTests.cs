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
/// nothing; an unapproved template offers no issue form.
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

    private async Task<Guid> TemplateAsync(string name, bool approve)
    {
        var now = DateTimeOffset.UtcNow;
        var author = new ContentActor("dev-staff-editor", "Eva Redakteurin", IsEditor: true, IsApprover: false, IsCrisisManager: false);
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
