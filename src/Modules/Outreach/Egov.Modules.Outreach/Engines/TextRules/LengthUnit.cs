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
}
