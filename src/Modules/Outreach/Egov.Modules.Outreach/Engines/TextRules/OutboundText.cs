using System.Text;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>
/// Builds the exact text a channel is sent, so that the checks and the delivery read the same string.
/// </summary>
internal static class OutboundText
{
    private const string Separator = "\n\n";

    /// <summary>
    /// The text trimmed at its end, then <c>"\n\n"</c> and the link (trimmed) if there is one, then
    /// <c>"\n\n"</c> and the hashtags separated by one space, each with exactly one leading '#' and no white
    /// space (<c>"Tag 1"</c> and <c>"##Tag1"</c> become <c>"#Tag1"</c>; empty ones are dropped). A blank
    /// text contributes nothing, so the result never starts with the separator. The same for every
    /// channel: for Telegram this is the plain text, and <see cref="TelegramHtml.Escape"/> gives the HTML sent.
    /// </summary>
    public static string Compose(string text, string? link, IReadOnlyList<string> hashtags)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hashtags);

        var parts = new List<string>(3);
        var body = text.TrimEnd();
        if (body.Length > 0)
        {
            parts.Add(body);
        }

        if (!string.IsNullOrWhiteSpace(link))
        {
            parts.Add(link.Trim());
        }

        var tags = hashtags.Select(NormaliseHashtag).Where(tag => tag.Length > 1).ToList();
        if (tags.Count > 0)
        {
            parts.Add(string.Join(' ', tags));
        }

        return string.Join(Separator, parts);
    }

    private static string NormaliseHashtag(string hashtag)
    {
        var name = new StringBuilder(hashtag.Length + 1).Append('#');
        foreach (var character in hashtag.TrimStart().TrimStart('#', '＃'))
        {
            if (!char.IsWhiteSpace(character))
            {
                name.Append(character);
            }
        }

        return name.ToString();
    }
}
