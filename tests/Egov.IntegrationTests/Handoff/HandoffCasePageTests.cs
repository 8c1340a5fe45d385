using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egov.IntegrationTests.Forms.Cases;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Forms.Persistence;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Handoff;

/// <summary>
/// The hand-off panel of the staff case page (issue 22: "staff see on the case what was handed off where
/// and when"), in a signed-in browser session: per target the kind, the state and the last error in words,
/// attempts and time, and "send again" for a parked push; and the case still shows when the Handoff module
/// cannot answer (a hand-off failure never blocks the caseworker).
/// </summary>
public sealed partial class HandoffCasePageTests(HandoffCasePageTests.Factory factory) : IClassFixture<HandoffCasePageTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CasePage_ShowsAParkedPush_InWords_AndSendsItAgain()
    {
        factory.Receiver.FailAlways(HandoffFactory.PushPath, 503);
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, _) = await Filing.FileAsync(erika, "hundesteuer-anmeldung");
        using var api = await factory.CreateClientAsAsync("caseworker");
        await HandoffPushTests.WaitForAsync(() => PushStateAsync(api, id), state => state == "Parked");
        using var browser = await factory.SignedInBrowserAsync("caseworker");

        var parked = await PageAsync(browser, id);
        var row = Row(parked);
        Assert.Contains("steueramt", row, StringComparison.Ordinal);
        Assert.Contains("Übermittlung (Push)", row, StringComparison.Ordinal);
        Assert.Contains("aufgegeben", row, StringComparison.Ordinal);
        Assert.Contains("Das Fachverfahren meldete eine Störung (HTTP 503", row, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", row, StringComparison.Ordinal);
        Assert.Contains("Erneut senden", row, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/handoff/cases/{id}/xdomea\"", parked, StringComparison.Ordinal);

        factory.Receiver.Recover(HandoffFactory.PushPath);
        var resend = await browser.PostAsync($"/staff/cases/{id}?handler=Resend", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrowserHostFactory.HiddenInput(row, "__RequestVerificationToken"),
            ["handoffId"] = BrowserHostFactory.HiddenInput(row, "handoffId"),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal($"/staff/cases/{id}?done=resent#handoffs", resend.Headers.Location!.OriginalString);

        await HandoffPushTests.WaitForAsync(() => PushStateAsync(api, id), state => state == "Sent");
        var sent = Row(await PageAsync(browser, id));
        Assert.Contains("zugestellt", sent, StringComparison.Ordinal);
        Assert.Contains("<td>4</td>", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("Erneut senden", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_WhenTheHandoffsCannotBeRead_StillShowsTheCase_WithANotice()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await Filing.FileAsync(erika, "hundesteuer-anmeldung");
        using var browser = await factory.SignedInBrowserAsync("caseworker");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();

        string html;
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE handoff.deliveries RENAME TO deliveries_gone", Ct);
        try
        {
            html = await PageAsync(browser, id);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE handoff.deliveries_gone RENAME TO deliveries", Ct);
        }

        Assert.Contains(reference, html, StringComparison.Ordinal);
        Assert.Contains("Die Übergaben können gerade nicht angezeigt werden", html, StringComparison.Ordinal);
        Assert.Contains("Bearbeitung beginnen", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("3f1d7c8e-0000-4000-8000-000000000001")]
    public async Task Resend_OfNoSuchHandoff_ShowsWhyOnThePage_NeverAnError(string handoffId)
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var (id, reference) = await Filing.FileAsync(erika, "hundesteuer-anmeldung");
        using var browser = await factory.SignedInBrowserAsync("caseworker");
        var page = await PageAsync(browser, id);

        var resend = await browser.PostAsync($"/staff/cases/{id}?handler=Resend", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrowserHostFactory.HiddenInput(page, "__RequestVerificationToken"),
            ["handoffId"] = handoffId,
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        var html = WebUtility.HtmlDecode(await resend.Content.ReadAsStringAsync(Ct));
        Assert.Contains(reference, html, StringComparison.Ordinal);
        Assert.Contains("href=\"#handoffs-title\"", html, StringComparison.Ordinal);
        Assert.Contains("There is no hand-off", html, StringComparison.Ordinal);
    }

    private static async Task<string?> PushStateAsync(HttpClient api, Guid id) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/handoff/cases/{id}", Ct)).EnumerateArray()
            .Where(h => h.GetProperty("target").GetString() == "steueramt").Select(h => h.GetProperty("status").GetString()).SingleOrDefault();

    private static async Task<string> PageAsync(HttpClient browser, Guid id)
    {
        using var request = BrowserHostFactory.PageRequest($"/staff/cases/{id}", "de");
        var response = await browser.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The panel's row of the push to <c>steueramt</c>.</summary>
    private static string Row(string html)
    {
        var match = PushRow().Match(html);
        Assert.True(match.Success, "no row of the push hand-off in the panel");
        return match.Value;
    }

    [GeneratedRegex("<tr data-handoff=\"[^\"]+\" data-state=\"[A-Za-z]+\">(?:(?!</tr>).)*?steueramt.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex PushRow();

    /// <summary>A browser host (Kestrel on 127.0.0.1) with the hand-off targets of <see cref="HandoffFactory"/>.</summary>
    public sealed class Factory : BrowserHostFactory
    {
        public FakeCloudEventsReceiver Receiver { get; } = new();

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await Receiver.StartAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Receiver.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            HandoffFactory.UseTargets(builder, Receiver);
        }
    }
}
