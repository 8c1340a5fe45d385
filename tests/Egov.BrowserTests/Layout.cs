using Microsoft.Playwright;

namespace Egov.BrowserTests;

/// <summary>Layout checks: nothing wider than its box at the widths of a phone, a tablet and a laptop.</summary>
internal static class Layout
{
    /// <summary>The widths the portal is checked at, in CSS pixels (WCAG 2.1 SC 1.4.10 reflow asks for 320).</summary>
    public static readonly int[] Widths = [320, 768, 1280];

    // Block boxes whose content sticks out of them (text that overflows a card, a table wider than the page);
    // inline boxes have no width of their own, and scrolling boxes are allowed to be wider inside.
    private const string OverflowScript = """
        () => {
            const found = [];
            if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
                found.push('page: ' + document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth);
            }
            for (const el of document.querySelectorAll('body *')) {
                const style = getComputedStyle(el);
                if (style.display === 'inline' || style.display === 'none' || style.overflowX !== 'visible' || el.clientWidth === 0) continue;
                if (el.closest('.visually-hidden, .skip-link')) continue;
                if (el.scrollWidth > el.clientWidth + 1) {
                    found.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' "' + el.textContent.trim().slice(0, 40) + '": ' + el.scrollWidth + ' > ' + el.clientWidth);
                }
            }
            return found;
        }
        """;

    /// <summary>Loads <paramref name="path"/> at each of <see cref="Widths"/> and fails naming every box that overflows.</summary>
    public static async Task AssertNoOverflowAsync(IPage page, string path)
    {
        var findings = new List<string>();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            // Load, not DOMContentLoaded: the stylesheets must apply before boxes are measured (a page
            // from the read cache arrives so fast that the DOM is ready long before the CSS).
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            findings.AddRange((await page.EvaluateAsync<string[]>(OverflowScript)).Select(f => $"{width} px: {f}"));
        }

        await page.SetViewportSizeAsync(1280, 900);
        Assert.True(findings.Count == 0, $"Overflow on {path}:\n" + string.Join("\n", findings));
    }
}
