using System.Text;
using System.Text.Json.Nodes;
using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;

/// <summary>
/// Link facets of a Bluesky post (lexicon <c>app.bsky.richtext.facet</c>, https://docs.bsky.app/docs/advanced-guides/post-richtext):
/// without them a URL in the text is not a link. The index is a range of <b>UTF-8 bytes</b> of the text,
/// <c>byteStart</c> inclusive and <c>byteEnd</c> exclusive — not UTF-16 code units (C# string indexes) nor
/// characters: an umlaut is 2 bytes, most emoji 4.
/// </summary>
internal static class BlueskyFacets
{
    /// <summary>
    /// One <c>app.bsky.richtext.facet#link</c> per http(s) URL in <paramref name="text"/>, found as Mastodon finds
    /// them (<see cref="MastodonCountableText.Urls"/>: trailing punctuation stays outside the link).
    /// </summary>
    public static JsonArray Links(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var facets = new JsonArray();
        foreach (var (start, end) in MastodonCountableText.Urls(text))
        {
            var url = text[start..end];
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var byteStart = Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
            facets.Add(new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = byteStart, ["byteEnd"] = byteStart + Encoding.UTF8.GetByteCount(url) },
                ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = url }),
            });
        }

        return facets;
    }
}
