using System.Net;
using System.Text.RegularExpressions;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// The browser login end to end on Kestrel, as a browser does it: a protected page redirects to the
/// provider, the user signs in on its login page, the callback sets the session cookie, the page
/// answers 200; logout ends the session here and at the provider.
/// </summary>
public sealed partial class BrowserLoginTests(BrowserHostFactory factory) : IClassFixture<BrowserHostFactory>
{
    [Fact]
    public async Task ProtectedPage_LoginAndLogout_RunsTheWholeOidcCodeFlow()
    {
        using var browser = factory.CreateBrowser();

        // 1. A protected page sends the anonymous browser to the provider (code flow with PKCE).
        var page = await browser.GetAsync("/account", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var authorize = Location(page);
        Assert.Equal("/connect/authorize", authorize.AbsolutePath);
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code", authorize.Query, StringComparison.Ordinal);

        // 2. The provider asks the user to sign in.
        var toLogin = await browser.GetAsync(authorize, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginPage = await browser.GetAsync(Location(toLogin), TestContext.Current.CancellationToken);
        var html = await loginPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("caseworker2", html, StringComparison.Ordinal);

        // 3. The user signs in; the provider returns to the authorization request, then to the callback.
        var signedIn = await browser.PostAsync("/connect/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenInput(html, "__RequestVerificationToken"),
            ["returnUrl"] = WebUtility.HtmlDecode(HiddenInput(html, "returnUrl")),
            ["username"] = "caseworker",
            ["password"] = "caseworker",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var toCallback = await browser.GetAsync(Location(signedIn), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, toCallback.StatusCode);
        Assert.Equal("/signin-oidc", Location(toCallback).AbsolutePath);
        var callback = await browser.GetAsync(Location(toCallback), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);

        var sessionCookie = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Egov.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", sessionCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", sessionCookie, StringComparison.OrdinalIgnoreCase);

        // 4. Back on the page, signed in; the same session works for the API.
        var account = await browser.GetAsync(Location(callback), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("Clara Sachbearbeiterin", await account.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var me = await browser.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var meBody = await me.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"department\":\"public-order\"", meBody, StringComparison.Ordinal);
        Assert.Contains("\"realm\":\"staff\"", meBody, StringComparison.Ordinal);
        Assert.Contains($"\"issuer\":\"{factory.PublicBaseAddress}\"", meBody, StringComparison.Ordinal);

        // 5. Logout ends the session here (RP-initiated logout) and at the provider.
        var logout = await browser.GetAsync("/account/logout", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/connect/logout", Location(logout).AbsolutePath);
        var endSession = await browser.GetAsync(Location(logout), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, endSession.StatusCode);
        Assert.Equal("/signout-callback-oidc", Location(endSession).AbsolutePath);
        var signedOut = await browser.GetAsync(Location(endSession), TestContext.Current.CancellationToken);
        Assert.Equal("/account/signed-out", Location(signedOut).AbsolutePath);

        var afterLogout = await browser.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
        var pageAfterLogout = await browser.GetAsync("/account", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, pageAfterLogout.StatusCode);
        var providerAfterLogout = await browser.GetAsync(Location(pageAfterLogout), TestContext.Current.CancellationToken);
        Assert.Equal("/connect/login", Location(providerAfterLogout).AbsolutePath);
    }

    [Fact]
    public async Task ApiRequest_WithoutSession_Gets401NotARedirect()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.PostAsync("/connect/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/", ["username"] = "admin", ["password"] = "admin",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(".Egov.DevelopmentProvider=", StringComparison.Ordinal));
    }

    /// <summary>The redirect target, made absolute as a browser would.</summary>
    private Uri Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"{response.StatusCode} has no Location header");
        return location.IsAbsoluteUri ? location : new Uri(factory.PublicBaseAddress, location);
    }

    private static string HiddenInput(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"hidden input {name} not found");
        return match.Groups[1].Value;
    }
}
