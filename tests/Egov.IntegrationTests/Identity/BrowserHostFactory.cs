using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// The host on Kestrel at a port of its own, so the development provider's issuer, the OIDC
/// redirects and the cookies all name one real address, as for a browser; with clients that behave
/// like a browser (keep cookies, follow no redirect by themselves).
/// </summary>
public class BrowserHostFactory : EgovApplicationFactory
{
    private readonly int _port = FreePort();

    public BrowserHostFactory() => UseKestrel(_port);

    public override Uri PublicBaseAddress => new($"http://127.0.0.1:{_port}/");

    /// <summary>Everything the host logged.</summary>
    public FakeLogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(Logs)));
    }

    /// <summary>A browser without a session, keeping its cookies in <paramref name="cookies"/> when given.</summary>
    public HttpClient CreateBrowser(CookieContainer? cookies = null)
    {
        StartServer();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new() })
        {
            BaseAddress = PublicBaseAddress,
        };
    }

    /// <summary>A browser signed in through the whole OIDC code flow as a seeded user (password = user name).</summary>
    public async Task<HttpClient> SignedInBrowserAsync(string user, CookieContainer? cookies = null)
    {
        var browser = CreateBrowser(cookies);
        var toProvider = await browser.GetAsync("/account/login?returnUrl=%2Faccount", TestContext.Current.CancellationToken);
        var loginPage = await FollowAsync(browser, toProvider);
        var html = await loginPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var signedIn = await browser.PostAsync("/connect/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenInput(html, "__RequestVerificationToken"),
            ["returnUrl"] = HiddenInput(html, "returnUrl"),
            ["username"] = user,
            ["password"] = user,
        }), TestContext.Current.CancellationToken);
        var account = await FollowAsync(browser, signedIn);
        Assert.True(account.StatusCode == HttpStatusCode.OK, $"login as {user} ended with {account.StatusCode} at {account.RequestMessage?.RequestUri}");
        return browser;
    }

    /// <summary>Follows redirects (at most 10) as a browser would, keeping cookies.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpClient browser, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(response);
        for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && hops < 10; hops++)
        {
            response = await browser.GetAsync(Absolute(response.Headers.Location!), TestContext.Current.CancellationToken);
        }

        return response;
    }

    /// <summary>A redirect target made absolute as a browser would.</summary>
    public Uri Absolute(Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.IsAbsoluteUri ? location : new Uri(PublicBaseAddress, location);
    }

    /// <summary>A GET for a page as a browser sends it: <c>Accept</c> with <c>text/html</c>, <c>Accept-Language</c> <paramref name="language"/>.</summary>
    public static HttpRequestMessage PageRequest(string path, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
        return request;
    }

    /// <summary>The HTML-decoded value of a hidden input.</summary>
    public static string HiddenInput(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]*)\"");
        Assert.True(match.Success, $"hidden input {name} not found");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
