using System.Net;
using Egov.Testing;

namespace Egov.IntegrationTests.Portal;

/// <summary>
/// A module's script is a static web asset of the module (<c>/_content/Egov.Modules.&lt;M&gt;/…</c>), not a file of
/// the host: the Outreach composer's live check is served from the Outreach project, under the same
/// Content-Security-Policy (<c>script-src 'self'</c>) as every response.
/// </summary>
public sealed class ModuleScriptTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutreachComposerScript_IsServedFromTheModulesStaticWebAssets()
    {
        using var client = factory.CreateClient();

        using var script = await client.GetAsync("/_content/Egov.Modules.Outreach/js/outreach-composer.js", Ct);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Egov-Fragment", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", script.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutreachComposerScript_IsNoLongerAFileOfTheHost()
    {
        using var client = factory.CreateClient();

        using var script = await client.GetAsync("/js/outreach-composer.js", Ct);

        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }
}
