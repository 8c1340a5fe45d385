using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>
/// The documentation's screenshots (<c>docs/images/portal-*.png</c>), taken by the browser tests
/// when <c>EGOV_SCREENSHOTS</c> names a directory; otherwise nothing is written.
/// </summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EGOV_SCREENSHOTS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"portal-{name}.png"), FullPage = true });
        }
    }
}
