using System.Net;
using Egov.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// Two development hosts on one database (README: "another port") register the same clients at
/// startup; the second must add its addresses, not replace the first's, or the first's browser login breaks.
/// </summary>
public sealed class DevelopmentClientsTests(BrowserHostFactory factory) : IClassFixture<BrowserHostFactory>
{
    [Fact]
    public async Task SecondInstance_WithAnotherAddress_KeepsTheFirstInstancesLoginWorking()
    {
        using (factory.CreateBrowser())
        {
            // The first instance is up and has registered its redirect addresses.
        }

        await using (var second = new SecondInstance(factory.ConnectionString))
        {
            using var started = second.CreateClient();
        }

        using var browser = await factory.SignedInBrowserAsync("caseworker");
        var me = await browser.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var web = await manager.FindByClientIdAsync("egov-web", TestContext.Current.CancellationToken);
        Assert.NotNull(web);
        var redirects = await manager.GetRedirectUrisAsync(web, TestContext.Current.CancellationToken);
        Assert.Contains(new Uri(factory.PublicBaseAddress, "signin-oidc").ToString(), redirects);
        Assert.Contains("http://localhost:5081/signin-oidc", redirects);
        var logouts = await manager.GetPostLogoutRedirectUrisAsync(web, TestContext.Current.CancellationToken);
        Assert.Contains(new Uri(factory.PublicBaseAddress, "signout-callback-oidc").ToString(), logouts);
        Assert.Contains("http://localhost:5081/signout-callback-oidc", logouts);
    }

    /// <summary>Another development host on the same database, serving another address.</summary>
    private sealed class SecondInstance : EgovApplicationFactory
    {
        public SecondInstance(string connectionString) => ConnectionString = connectionString;

        public override Uri PublicBaseAddress => new("http://localhost:5081/");
    }
}
