using Egov.IntegrationTests.Identity;

namespace Egov.IntegrationTests.Reads;

/// <summary>
/// Portal pages from the read cache (ADR 0015) are shared between anonymous visitors only: a page
/// made for a signed-in visitor (it names them) is never stored, nor served to anyone else, and a
/// signed-in visitor never gets the anonymous copy.
/// </summary>
public sealed class SignedInPagesTests(BrowserHostFactory factory) : IClassFixture<BrowserHostFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/forms")]
    [InlineData("/announcements")]
    public async Task Page_SignedIn_IsMadeForTheVisitor_AndNeverReachesAnotherOne(string path)
    {
        using var anonymous = factory.CreateBrowser();
        await anonymous.GetAsync(path, Ct);
        var shared = await anonymous.GetAsync(path, Ct);
        Assert.NotNull(shared.Headers.Age);

        using var erika = await factory.SignedInBrowserAsync("erika");
        var own = await erika.GetAsync(path, Ct);
        var ownAgain = await erika.GetAsync(path, Ct);
        Assert.Null(own.Headers.Age);
        Assert.Null(ownAgain.Headers.Age);
        Assert.Contains("Erika Mustermann", await ownAgain.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var stranger = factory.CreateBrowser();
        var theirs = await stranger.GetAsync(path, Ct);
        Assert.DoesNotContain("Erika", await theirs.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(theirs.Headers.Contains("Set-Cookie"));
    }
}
