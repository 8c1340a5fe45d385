using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Egov.SharedKernel.Web;

/// <summary>
/// Markdown written by staff (announcement bodies, social-media guidelines) as HTML that is safe to
/// serve: Markdig (CommonMark with auto links, pipe tables, emphasis extras) with raw HTML disabled,
/// then HtmlSanitizer with an allow-list — no scripts, no event or <c>style</c> attributes (the
/// Content-Security-Policy allows no inline style), no <c>data-</c> attributes, only <c>http</c>,
/// <c>https</c> and <c>mailto</c> links. HTML is never trusted, not even from staff. Thread-safe.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// Sanitised HTML of <paramref name="markdown"/>. <paramref name="headingOffset"/> moves every
    /// heading down that many levels (at most to <c>h6</c>), for a page that has its own <c>h1</c>.
    /// </summary>
    public static string ToHtml(string markdown, int headingOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (headingOffset == 0)
        {
            return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return Sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>Plain text of <paramref name="markdown"/>, trimmed (for feed summaries and search).</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer { AllowDataAttributes = false };
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
