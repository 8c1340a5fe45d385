namespace Egov.Modules.Outreach.Domain.Channels;

/// <summary>
/// What a channel's platform accepts, as stored with the channel: read from the platform where it
/// publishes its limits (Mastodon <c>GET /api/v2/instance</c>), otherwise the platform's documented
/// values. The checks count a post's exact text against these.
/// </summary>
/// <param name="MaxLength">Length limit in <paramref name="LengthUnit"/>.</param>
/// <param name="LengthUnit">How the platform counts: a <c>LengthUnit</c> name: <c>MastodonCharacters</c>, <c>GraphemeClusters</c>, <c>TelegramCharacters</c>, <c>Utf16CodeUnits</c>, <c>ThreadsCharacters</c> or <c>LinkedInCharacters</c>.</param>
/// <param name="MaxBytes">A second limit in UTF-8 bytes (Bluesky: 3000), or null.</param>
/// <param name="CharactersReservedPerUrl">What one URL costs whatever its length (Mastodon), 0 where a URL counts as written.</param>
/// <param name="MaxMedia">Images per post.</param>
/// <param name="SupportsAltText">Whether images carry alt text on the platform.</param>
/// <param name="Formatting"><c>plain</c> or <c>html</c> (Telegram's HTML parse mode).</param>
/// <param name="Source">Where the values came from: <c>instance</c> (read from the platform) or <c>platform</c> (documented values).</param>
/// <param name="ReadAt">When they were read from the platform (UTC), or null for documented values.</param>
/// <param name="MaxImageBytes">The largest image in bytes, or null for no limit of the platform's own (limits stored before it was recorded: null, filled from the documented values when used).</param>
/// <param name="ImageTypes">The image media types the platform takes (ranges such as <c>image/*</c> allowed), or null for any Egov accepts.</param>
/// <param name="MinMedia">The fewest images a post needs (Instagram: 1), or null for none.</param>
/// <param name="MaxHashtags">The most hashtags a post may carry (Instagram: 30), or null for no limit.</param>
internal sealed record ChannelLimits(
    int MaxLength,
    string LengthUnit,
    int? MaxBytes,
    int CharactersReservedPerUrl,
    int MaxMedia,
    bool SupportsAltText,
    string Formatting,
    string Source,
    DateTimeOffset? ReadAt,
    long? MaxImageBytes = null,
    IReadOnlyList<string>? ImageTypes = null,
    int? MinMedia = null,
    int? MaxHashtags = null);
