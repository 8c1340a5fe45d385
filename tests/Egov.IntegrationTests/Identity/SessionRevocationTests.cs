using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.Host.Identity;
using Egov.Host.Identity.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// Browser sessions are kept on the server: the <c>.Egov.Session</c> cookie only names a session,
/// so logout and an administrator end it for every copy of the cookie.
/// </summary>
public sealed class SessionRevocationTests(BrowserHostFactory factory) : IClassFixture<BrowserHostFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logout_WhenTheCookieWasCopied_TheCopyNoLongerAuthenticates()
    {
        var cookies = new CookieContainer();
        using var browser = await factory.SignedInBrowserAsync("caseworker", cookies);
        using var thief = CopyOf(cookies);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/v1/me", Ct)).StatusCode);

        var logout = await factory.FollowAsync(browser, await browser.GetAsync("/account/logout", Ct));
        Assert.Equal("/account/signed-out", logout.RequestMessage!.RequestUri!.AbsolutePath);

        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/me", Ct)).StatusCode);
        var page = await thief.GetAsync("/account", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/connect/authorize", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task EndSessions_ByAnAdministrator_EndsEverySessionOfTheUser()
    {
        using var first = await factory.SignedInBrowserAsync("erika");
        using var second = await factory.SignedInBrowserAsync("erika");
        using var other = await factory.SignedInBrowserAsync("max");
        using var admin = await factory.CreateClientAsAsync("admin");
        var stored = await SessionsOfAsync("dev-citizen-erika");
        Assert.True(stored >= 2, $"{stored} sessions stored for two browsers");

        var response = await admin.DeleteAsync("/api/v1/admin/sessions?subject=dev-citizen-erika", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(stored, body.RootElement.GetProperty("ended").GetInt32());
        Assert.Equal(0, await SessionsOfAsync("dev-citizen-erika"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task EndSessions_ByACaseworker_IsForbiddenAndEndsNothing()
    {
        using var erika = await factory.SignedInBrowserAsync("erika");
        using var caseworker = await factory.CreateClientAsAsync("caseworker");

        var response = await caseworker.DeleteAsync("/api/v1/admin/sessions?subject=dev-citizen-erika", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await erika.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task EndSessions_WithoutSubject_Is400NamingTheField()
    {
        using var admin = await factory.CreateClientAsAsync("admin");

        var response = await admin.DeleteAsync("/api/v1/admin/sessions", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("subject", out _));
    }

    [Theory]
    [InlineData("sliding")]
    [InlineData("absolute")]
    public async Task Session_PastItsEnd_NoLongerAuthenticates(string end)
    {
        using var browser = await factory.SignedInBrowserAsync("max");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me", Ct)).StatusCode);

        // As if the time had come: the session's end moved into the past.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sessions = scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>().Sessions.Where(s => s.Subject == "dev-citizen-max");
            var past = DateTimeOffset.UtcNow.AddMinutes(-1);
            Assert.True(end == "sliding"
                ? await sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, past), Ct) > 0
                : await sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.AbsoluteExpiresAt, past), Ct) > 0);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_Always_StoresTheSessionWithItsTwoEnds()
    {
        var before = DateTimeOffset.UtcNow;
        using var browser = await factory.SignedInBrowserAsync("admin");

        await using var scope = factory.Services.CreateAsyncScope();
        var session = await scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>().Sessions.AsNoTracking()
            .Where(s => s.Subject == "dev-staff-admin" && s.CreatedAt >= before.AddSeconds(-1)).SingleAsync(Ct);
        Assert.InRange(session.ExpiresAt - session.CreatedAt, TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromHours(12), session.AbsoluteExpiresAt - session.CreatedAt);
        Assert.True(session.Ticket.AsSpan().IndexOf("dev-staff-admin"u8) < 0, "the ticket is stored encrypted");
    }

    [Fact]
    public async Task SignIn_WhenExpiredSessionsAreStored_RemovesThem()
    {
        StartHost();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>();
            var past = DateTimeOffset.UtcNow.AddHours(-1);
            db.Sessions.Add(new UserSession { Id = "expired-session", Subject = "someone-gone", Ticket = [1], CreatedAt = past.AddHours(-8), ExpiresAt = past, AbsoluteExpiresAt = past.AddHours(4) });
            await db.SaveChangesAsync(Ct);
        }

        using var browser = await factory.SignedInBrowserAsync("max");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>();
            Assert.False(await db.Sessions.AnyAsync(s => s.Id == "expired-session", Ct));
            Assert.True(await db.Sessions.AnyAsync(s => s.Subject == "dev-citizen-max", Ct));
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEndSessions()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/v1/admin/sessions").GetProperty("delete");
        Assert.Equal("EndSessions", operation.GetProperty("operationId").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _));
    }

    private async Task<int> SessionsOfAsync(string subject)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EgovIdentityDbContext>().Sessions.CountAsync(s => s.Subject == subject, Ct);
    }

    private void StartHost()
    {
        using (factory.CreateBrowser())
        {
        }
    }

    /// <summary>A second client sending every cookie of the signed-in browser, as a stolen copy would.</summary>
    private HttpClient CopyOf(CookieContainer cookies)
    {
        var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = factory.PublicBaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(factory.PublicBaseAddress));
        return copy;
    }
}
