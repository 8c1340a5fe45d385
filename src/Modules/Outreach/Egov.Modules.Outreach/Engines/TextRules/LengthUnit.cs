namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>How a platform counts the length of the text it accepts.</summary>
internal enum LengthUnit
{
    /// <summary>
    /// Mastodon's own count: extended grapheme clusters (Unicode UAX #29) of <c>spoiler_text</c> followed by
    /// the text, where every URL counts as <c>characters_reserved_per_url</c> and a mention
    /// <c>@user@domain</c> as <c>@user</c>. Source: mastodon/mastodon
    /// <c>app/validators/status_length_validator.rb</c>; see <see cref="TextLength.Mastodon(string, string?, int)"/>.
    /// </summary>
    MastodonCharacters,

    /// <summary>Extended grapheme clusters (Unicode UAX #29), what a reader perceives as one character.</summary>
    GraphemeClusters,

    /// <summary>
    /// Unicode code points of the text after entity parsing, as the Telegram Bot API counts its
    /// "1-4096 characters"; see <see cref="TextLength.Telegram(string)"/>.
    /// </summary>
    TelegramCharacters,

    /// <summary>
    /// UTF-16 code units, what Meta's Graph API limits of Facebook Page posts (<c>message</c>) and Instagram captions
    /// (2,200) are read as here. Meta states "characters" without the unit; UTF-16 code units are never fewer than
    /// code points or grapheme clusters, so a text that passes this count is not too long for Meta under any reading.
    /// </summary>
    Utf16CodeUnits,

    /// <summary>
    /// Threads' count of a post's <c>text</c> (500): "Emojis are counted as the number of UTF-8 bytes"
    /// (https://developers.facebook.com/documentation/threads/posts, Limitations); every other character counts one.
    /// See <see cref="TextLength.Threads(string)"/>.
    /// </summary>
    ThreadsCharacters,

    /// <summary>
    /// LinkedIn's count of a post's <c>commentary</c> (3,000): UTF-16 code units (Rest.li strings are Java strings) of
    /// the commentary as sent, i.e. after the reserved characters of the "little" text format are escaped with a
    /// backslash (<see cref="LinkedInLittleText.Escape"/>). See <see cref="TextLength.LinkedIn(string)"/>.
    /// </summary>
    LinkedInCharacters,
}
