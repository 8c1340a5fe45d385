using Egov.SharedKernel.Web;

namespace Egov.Modules.Announcements.Engines.Markdown;

/// <summary>
/// An editor's Markdown as the HTML the announcement stores and serves, by the shared rules of
/// <see cref="SafeMarkdown"/> (raw HTML disabled, sanitised, only http, https and mailto links).
/// </summary>
internal static class MarkdownRenderer
{
    /// <summary>Sanitised HTML of <paramref name="markdown"/>. Thread-safe.</summary>
    public static string ToSafeHtml(string markdown) => SafeMarkdown.ToHtml(markdown);

    /// <summary>Plain text of <paramref name="markdown"/> (for feeds' summaries and search).</summary>
    public static string ToPlainText(string markdown) => SafeMarkdown.ToPlainText(markdown);
}
