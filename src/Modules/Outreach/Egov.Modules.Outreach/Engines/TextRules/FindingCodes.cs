namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>The codes of <see cref="CheckFinding"/>: stable, for the API and the UI to key on.</summary>
internal static class FindingCodes
{
    /// <summary>The text is longer than the channel allows, in the channel's <see cref="LengthUnit"/> (for Telegram with media: the caption limit).</summary>
    public const string Length = "length";

    /// <summary>The text is larger than the channel allows in UTF-8 bytes (Bluesky: 3000).</summary>
    public const string LengthBytes = "length.bytes";

    /// <summary>Nothing would be sent: the text is blank and there is no media.</summary>
    public const string Empty = "empty";

    /// <summary>More media files than the channel takes in one post.</summary>
    public const string MediaCount = "media-count";

    /// <summary>Fewer media files than the channel needs (Instagram: an image or a carousel).</summary>
    public const string MediaRequired = "media-required";

    /// <summary>More hashtags than the channel takes in one post (Instagram: 30).</summary>
    public const string HashtagCount = "hashtag-count";

    /// <summary>An image larger than the channel's platform takes (<see cref="ChannelCapabilities.MaxImageBytes"/>; Bluesky: 1,000,000 bytes).</summary>
    public const string MediaSize = "media-size";

    /// <summary>An image of a type the channel's platform does not take (<see cref="ChannelCapabilities.ImageTypes"/>).</summary>
    public const string MediaType = "media-type";

    /// <summary>An image without alt text on a channel that carries alt text.</summary>
    public const string AltTextMissing = "alt-text-missing";

    /// <summary>A content warning on a channel that has none (only Mastodon has <c>spoiler_text</c>); it would not be sent.</summary>
    public const string ContentWarningUnsupported = "content-warning-unsupported";

    /// <summary>An e-mail address in a public post.</summary>
    public const string PersonalDataEmail = "personal-data.email";

    /// <summary>A phone number in a public post.</summary>
    public const string PersonalDataPhone = "personal-data.phone";

    /// <summary>An IBAN in a public post.</summary>
    public const string PersonalDataIban = "personal-data.iban";

    /// <summary>An entry of the configured personal-data deny list (e.g. a name) in a public post.</summary>
    public const string PersonalDataDenyList = "personal-data.deny-list";

    /// <summary>A term the guidelines ban.</summary>
    public const string BannedTerm = "banned-term";

    /// <summary>The variant must link the imprint and its exact text does not.</summary>
    public const string ImprintLinkMissing = "imprint-link-missing";
}
