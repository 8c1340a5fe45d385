using System.Globalization;
using System.Text;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>Counts a text the way each platform counts it.</summary>
internal static class TextLength
{
    /// <summary>Mastodon's count of a status text without content warning; see <see cref="Mastodon(string, string?, int)"/>.</summary>
    public static int Mastodon(string text, int charactersReservedPerUrl) =>
        Mastodon(text, contentWarning: null, charactersReservedPerUrl);

    /// <summary>
    /// Mastodon's count of a status, as <c>StatusLengthValidator</c> (mastodon/mastodon
    /// <c>app/validators/status_length_validator.rb</c>) computes it:
    /// <c>countable_length(combined_text(status)) &gt; max_chars</c> with
    /// <c>combined_text = [status.spoiler_text, countable_text(status.text)].join</c> and
    /// <c>countable_length(str) = str.each_grapheme_cluster.size</c> — extended grapheme clusters
    /// (UAX #29), so an emoji, even a ZWJ family 👨‍👩‍👧‍👦, is one character. (Until 2025 the same
    /// method read <c>str.mb_chars.grapheme_length</c>, also grapheme clusters; mastodon/mastodon#34039 only
    /// dropped the deprecated <c>mb_chars</c>.) In <c>countable_text</c> every URL becomes
    /// <paramref name="charactersReservedPerUrl"/> characters and a mention <c>@user@domain</c> becomes
    /// <c>@user</c> (<see cref="MastodonCountableText"/>). The content warning counts as written.
    /// </summary>
    public static int Mastodon(string text, string? contentWarning, int charactersReservedPerUrl) =>
        GraphemeClusters((contentWarning ?? string.Empty) + MastodonCountableText.Rewrite(text, charactersReservedPerUrl));

    /// <summary>
    /// Bluesky's count against <c>maxGraphemes</c> (lexicon <c>app.bsky.feed.post</c>, 300): extended
    /// grapheme clusters (UAX #29), e.g. 👨‍👩‍👧‍👦 is one.
    /// </summary>
    public static int BlueskyGraphemes(string text) => GraphemeClusters(text);

    /// <summary>Extended grapheme clusters (Unicode UAX #29, as .NET's <see cref="StringInfo"/> segments them).</summary>
    public static int GraphemeClusters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        for (var rest = text.AsSpan(); !rest.IsEmpty; rest = rest[StringInfo.GetNextTextElementLength(rest)..])
        {
            count++;
        }

        return count;
    }

    /// <summary>Size in UTF-8 bytes, what AT Protocol lexicon <c>maxLength</c> counts (Bluesky: 3000).</summary>
    public static int Utf8Bytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encoding.UTF8.GetByteCount(text);
    }

    /// <summary>
    /// Telegram's count of a message text "after entities parsing" (Bot API <c>sendMessage</c>: "1-4096
    /// characters"), i.e. of the plain text, not of the HTML sent: Unicode code points. The Bot API server
    /// is TDLib, which refuses a bot's text with "Message is too long" when
    /// <c>utf8_length(text) &gt; message_text_length_max</c> (tdlib/td <c>td/telegram/MessageContent.cpp</c>),
    /// and <c>utf8_length</c> counts the UTF-8 lead bytes, i.e. code points (<c>td/utils/utf8.h</c>). So an
    /// emoji outside the BMP counts 1, not the 2 UTF-16 code units Telegram's entity offsets use.
    /// </summary>
    public static int Telegram(string plainText)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        var count = 0;
        foreach (var _ in plainText.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>UTF-16 code units (<see cref="string.Length"/>), the conservative reading of Meta's "characters" (<see cref="LengthUnit.Utf16CodeUnits"/>).</summary>
    public static int Utf16(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length;
    }

    /// <summary>
    /// Threads' count (<see cref="LengthUnit.ThreadsCharacters"/>): per grapheme cluster, one — unless the cluster is
    /// an emoji (it holds a code point of the emoji blocks, a variation selector 16 or a zero-width joiner between
    /// pictographs), which counts its UTF-8 bytes: 🚧 counts 4, the family 👨‍👩‍👧 counts 18 (three 4-byte emoji and
    /// two 3-byte joiners), ä counts 1. Source: Threads API, Posts, Limitations: "Text posts are limited to 500
    /// characters. Emojis are counted as the number of UTF-8 bytes."
    /// </summary>
    public static int Threads(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        for (var rest = text.AsSpan(); !rest.IsEmpty;)
        {
            var length = StringInfo.GetNextTextElementLength(rest);
            var cluster = rest[..length];
            count += IsEmoji(cluster) ? Encoding.UTF8.GetByteCount(cluster) : 1;
            rest = rest[length..];
        }

        return count;
    }

    /// <summary>
    /// LinkedIn's count (<see cref="LengthUnit.LinkedInCharacters"/>): UTF-16 code units of
    /// <see cref="LinkedInLittleText.Escape"/>(<paramref name="text"/>), the commentary as the Posts API receives it.
    /// </summary>
    public static int LinkedIn(string text) => LinkedInLittleText.Escape(text).Length;

    private static bool IsEmoji(ReadOnlySpan<char> cluster)
    {
        foreach (var rune in cluster.EnumerateRunes())
        {
            var value = rune.Value;
            // Emoji presentation selector, keycap, the pictograph planes and the BMP's dingbats and symbols.
            if (value is 0xFE0F or 0x20E3 or (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF) or (>= 0x1F1E6 and <= 0x1F1FF))
            {
                return true;
            }
        }

        return false;
    }
}
