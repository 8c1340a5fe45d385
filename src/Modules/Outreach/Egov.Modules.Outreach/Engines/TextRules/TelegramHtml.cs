using System.Text;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>The HTML body Telegram is sent with <c>parse_mode=HTML</c>.</summary>
internal static class TelegramHtml
{
    /// <summary>
    /// Escapes plain text for Telegram's HTML parse mode. The Bot API ("Formatting options", HTML style)
    /// requires exactly this: "All &lt;, &gt; and &amp; symbols that are not a part of a tag or an HTML
    /// entity must be replaced with the corresponding HTML entities (&lt; with &amp;lt;, &gt; with &amp;gt;
    /// and &amp; with &amp;amp;)". Quotes stay as they are (they only matter inside attributes, and Egov
    /// sends no tags). Entity parsing turns the result back into the plain text, which is what counts
    /// toward the 4096 limit.
    /// </summary>
    public static string Escape(string plainText)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        var html = new StringBuilder(plainText.Length + 16);
        foreach (var character in plainText)
        {
            _ = character switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                _ => html.Append(character),
            };
        }

        return html.ToString();
    }
}
