using System.Net;
using System.Web;
using Microsoft.Extensions.Logging;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// The OIDC callback <c>/signin-oidc</c> with what a browser or an attacker may bring instead of a
/// fresh answer of the provider: a forged state, a state without its correlation cookie (another
/// browser, or the cookie expired), a return link used a second time. Each is the visitor's
/// problem, not a server error: a 400 page "sign-in failed, try again" and a warning in the log.
/// </summary>
public sealed class SignInCallbackTests(BrowserHostFactory factory) : IClassFixture<BrowserHostFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Callback_WithForgedState_ShowsTheSignInFailedPage()
    {
        using var browser = Browser();

        var response = await browser.SendAsync(Page("/signin-oidc?code=stolen&state=forged", "de"), Ct);

        await AssertSignInFailedPageAsync(response, "Anmeldung fehlgeschlagen", "Bitte versuchen Sie es erneut", "Erneut anmelden");
    }

    [Fact]
    public async Task Callback_WithForgedState_InEnglish_ShowsTheSignInFailedPage()
    {
        using var browser = Browser();

        var response = await browser.SendAsync(Page("/signin-oidc?code=stolen&state=forged", "en"), Ct);

        await AssertSignInFailedPageAsync(response, "Sign-in failed", "Please try again", "Sign in again");
    }

    [Fact]
    public async Task Callback_WithoutCorrelationCookie_ShowsTheSignInFailedPage()
    {
        // A real state from one browser, brought to the callback by another (or after its correlation cookie expired).
        using var first = Browser();
        var challenge = await first.GetAsync("/account/login?returnUrl=%2Faccount", Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var state = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query)["state"];
        Assert.False(string.IsNullOrEmpty(state));
        using var other = Browser();

        var response = await other.SendAsync(Page($"/signin-oidc?code=abc&state={Uri.EscapeDataString(state)}", "de"), Ct);

        await AssertSignInFailedPageAsync(response, "Anmeldung fehlgeschlagen", "Bitte versuchen Sie es erneut", "Erneut anmelden");
    }

    [Fact]
    public async Task Callback_ReplayedAfterSignIn_ShowsTheSignInFailedPageAndKeepsTheSession()
    {
        using var browser = Browser();
        var toProvider = await browser.GetAsync("/account/login?returnUrl=%2Faccount", Ct);
        var loginPage = await factory.FollowAsync(browser, toProvider);
        var html = await loginPage.Content.ReadAsStringAsync(Ct);
        var signedIn = await browser.PostAsync("/connect/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrowserHostFactory.HiddenInput(html, "__RequestVerificationToken"),
            ["returnUrl"] = BrowserHostFactory.HiddenInput(html, "returnUrl"),
            ["username"] = "erika",
            ["password"] = "erika",
        }), Ct);
        var toCallback = await browser.GetAsync(factory.Absolute(signedIn.Headers.Location!), Ct);
        var callback = factory.Absolute(toCallback.Headers.Location!);
        Assert.Equal("/signin-oidc", callback.AbsolutePath);
        var first = await browser.GetAsync(callback, Ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var replayed = await browser.SendAsync(Page(callback.PathAndQuery, "de"), Ct);

        await AssertSignInFailedPageAsync(replayed, "Anmeldung fehlgeschlagen", "Bitte versuchen Sie es erneut", "Erneut anmelden");
        var me = await browser.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Callback_WithForgedState_FromAMachine_GetsA400Problem()
    {
        using var client = Browser();

        var response = await client.GetAsync("/signin-oidc?code=stolen&state=forged", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/account/login", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task AssertSignInFailedPageAsync(HttpResponseMessage response, string heading, string advice, string retry)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(advice, html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/account/login\">{retry}</a>", html, StringComparison.Ordinal);

        var logs = factory.Logs.GetSnapshot();
        Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Error);
        Assert.Contains(logs, r => r.Level == LogLevel.Warning && r.Message.StartsWith("Sign-in failed at the callback", StringComparison.Ordinal));
    }

    /// <summary>A fresh browser; the log is emptied of what the host logged before (its first start migrates the database).</summary>
    private HttpClient Browser()
    {
        var browser = factory.CreateBrowser();
        factory.Logs.Clear();
        return browser;
    }

    private static HttpRequestMessage Page(string path, string language) => BrowserHostFactory.PageRequest(path, language);
}
