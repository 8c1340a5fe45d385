using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>Signing in through the development OpenID Connect provider's login form (user name = password).</summary>
internal static class DevelopmentLogin
{
    /// <summary>Starts the OIDC cookie login for <paramref name="returnPath"/>, signs in as <paramref name="user"/> and waits for the way back.</summary>
    public static async Task SignInAsync(IPage page, string user, string returnPath)
    {
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnPath), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(user);
        // The provider's page speaks the browser's language: its one submit button, whatever it says.
        await page.Locator("form button[type=submit]").ClickAsync();
        // DOMContentLoaded, not load: on a loaded machine Chromium's load event after the OIDC redirect chain was seen to stall.
        await page.WaitForURLAsync(
            url => new Uri(url).PathAndQuery == returnPath || new Uri(url).AbsolutePath == returnPath,
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
