using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>axe-core on the page as it is now: WCAG 2.1 A and AA rules (BITV 2.0), no violation allowed.</summary>
internal static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => string.Join(" ", n.Target) + " " + n.Html)));
        Assert.True(results.Violations.Length == 0, $"axe found violations on {page.Url}:\n" + string.Join("\n", violations));
    }
}
