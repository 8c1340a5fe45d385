using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.IntegrationTests.Forms.Cases;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// An API write carried by the session cookie must come from this site: a page of another origin
/// can make the browser send the cookie (a top-level form POST is not stopped by SameSite=Lax in
/// every browser, nor from a sibling subdomain), so <c>Origin</c> / <c>Sec-Fetch-Site</c> or an
/// antiforgery token decide. Bearer-token callers are not affected: a browser never adds a token by itself.
/// </summary>
public sealed class CrossSiteRequestTests(BrowserHostFactory factory) : IClassFixture<BrowserHostFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Withdraw_AsCrossOriginFormPostWithTheSessionCookie_Is403AndChangesNothing()
    {
        var id = await FiledApplicationAsync();
        using var browser = await factory.SignedInBrowserAsync("erika");
        using var request = Withdraw(id);
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await browser.SendAsync(request, Ct);

        await AssertRefusedAsync(response, "cross-origin");
        Assert.Equal("Submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Withdraw_WithTheSessionCookieAndNeitherOriginNorToken_Is403AndChangesNothing()
    {
        var id = await FiledApplicationAsync();
        using var browser = await factory.SignedInBrowserAsync("erika");
        using var request = Withdraw(id);

        var response = await browser.SendAsync(request, Ct);

        await AssertRefusedAsync(response, "origin-unknown");
        Assert.Equal("Submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Withdraw_FromASameSiteSubdomain_Is403()
    {
        var id = await FiledApplicationAsync();
        using var browser = await factory.SignedInBrowserAsync("erika");
        using var request = Withdraw(id);
        request.Headers.Add("Sec-Fetch-Site", "same-site");

        var response = await browser.SendAsync(request, Ct);

        await AssertRefusedAsync(response, "cross-origin");
        Assert.Equal("Submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Withdraw_WithTheSessionCookieFromTheSameOrigin_Withdraws()
    {
        var id = await FiledApplicationAsync();
        using var browser = await factory.SignedInBrowserAsync("erika");
        using var request = Withdraw(id);
        request.Headers.Add("Origin", factory.PublicBaseAddress.GetLeftPart(UriPartial.Authority));

        var response = await browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Withdrawn", await StatusAsync(id));
    }

    [Fact]
    public async Task Withdraw_WithSecFetchSiteSameOrigin_Withdraws()
    {
        var id = await FiledApplicationAsync();
        using var browser = await factory.SignedInBrowserAsync("erika");
        using var request = Withdraw(id);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var response = await browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Withdrawn", await StatusAsync(id));
    }

    [Fact]
    public async Task Withdraw_WithTheSessionCookieAndAnAntiforgeryToken_Withdraws()
    {
        var id = await FiledApplicationAsync();
        using var browser = await factory.SignedInBrowserAsync("erika");
        var page = await browser.GetStringAsync("/", Ct);
        using var request = Withdraw(id);
        request.Headers.Add("RequestVerificationToken", BrowserHostFactory.HiddenInput(page, "__RequestVerificationToken"));

        var response = await browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Withdrawn", await StatusAsync(id));
    }

    [Fact]
    public async Task Withdraw_WithABearerTokenAndAForeignOrigin_IsUnaffected()
    {
        var id = await FiledApplicationAsync();
        using var erika = await factory.CreateClientAsAsync("erika");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/withdraw");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await erika.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Withdrawn", await StatusAsync(id));
    }

    [Fact]
    public async Task Read_WithTheSessionCookieFromAnotherOrigin_IsUnaffected()
    {
        using var browser = await factory.SignedInBrowserAsync("erika");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Withdraw(Guid id) => new(HttpMethod.Post, $"/api/v1/applications/{id}/withdraw")
    {
        // What an HTML form on another site sends.
        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }),
    };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(reason, problem.RootElement.GetProperty("reason").GetString());
        Assert.Contains("Origin", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<Guid> FiledApplicationAsync()
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        return (await Filing.FileAsync(erika)).Id;
    }

    private async Task<string?> StatusAsync(Guid id)
    {
        using var erika = await factory.CreateClientAsAsync("erika");
        var application = await erika.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}", Ct);
        return application.GetProperty("status").GetString();
    }
}
