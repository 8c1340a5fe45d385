using System.Text.Json;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>What one channel accepts: the limits the checks hold a post variant to.</summary>
/// <param name="MaxLength">The most the text may count, in <paramref name="LengthUnit"/>.</param>
/// <param name="LengthUnit">How the channel counts the text.</param>
/// <param name="MaxBytes">The most UTF-8 bytes the text may take; null where the channel sets no byte limit.</param>
/// <param name="CharactersReservedPerUrl">
/// What one URL counts whatever its length (Mastodon's <c>characters_reserved_per_url</c>); 0 where URLs
/// count at their full length. Only <see cref="LengthUnit.MastodonCharacters"/> uses it.
/// </param>
/// <param name="MaxMedia">The most media files one post takes.</param>
/// <param name="SupportsAltText">Whether the channel carries alt text; then every image needs one.</param>
/// <param name="Formatting"><see cref="PlainFormatting"/> or <see cref="HtmlFormatting"/> (Telegram's <c>parse_mode=HTML</c>).</param>
internal sealed record ChannelCapabilities(
    int MaxLength,
    LengthUnit LengthUnit,
    int? MaxBytes,
    int CharactersReservedPerUrl,
    int MaxMedia,
    bool SupportsAltText,
    string Formatting)
{
    /// <summary>The text is sent as it is.</summary>
    public const string PlainFormatting = "plain";

    /// <summary>The text is sent as HTML (user text escaped with <see cref="TelegramHtml.Escape"/>).</summary>
    public const string HtmlFormatting = "html";

    /// <summary>
    /// The limit for the text when media are attached, if it differs from <see cref="MaxLength"/>: Telegram
    /// sends the text as the photo's caption, "0-1024 characters after entities parsing" (Bot API,
    /// <c>sendPhoto</c> / <c>sendMediaGroup</c>). Null where the text limit is the same with media.
    /// </summary>
    public int? MaxLengthWithMedia { get; init; }

    /// <summary>
    /// True where the channel shortens a longer text on display instead of refusing it (app push: the
    /// operating system cuts the notification). Over <see cref="MaxLength"/> is then a warning, not blocking;
    /// <see cref="MaxBytes"/> still blocks.
    /// </summary>
    public bool MaxLengthIsSoft { get; init; }

    /// <summary>
    /// The largest image the platform takes, in bytes; null where it sets no limit of its own (Egov's upload
    /// limit of 10 MB still holds). A larger image blocks the post before approval instead of failing after it.
    /// </summary>
    public long? MaxImageBytes { get; init; }

    /// <summary>
    /// The image media types the platform takes (<c>image/png</c>, or a range such as <c>image/*</c>); null where
    /// every type Egov accepts (PNG, JPEG, GIF, WebP) will do.
    /// </summary>
    public IReadOnlyList<string>? ImageTypes { get; init; }

    /// <summary>
    /// The fewest media files one post needs: 0 for most platforms; 1 for Instagram, whose feed posts are an image or
    /// a carousel ("image or carousel required", Content Publishing: a container is created from <c>image_url</c>).
    /// </summary>
    public int MinMedia { get; init; }

    /// <summary>The most hashtags one post may carry (Instagram: 30, IG Media <c>caption</c>); null where the platform sets no limit.</summary>
    public int? MaxHashtags { get; init; }

    /// <summary>
    /// Whether the channel carries a content warning (Mastodon's <c>spoiler_text</c>), which then counts toward
    /// the length; only channels that count as Mastodon does (<see cref="LengthUnit.MastodonCharacters"/>) have one.
    /// </summary>
    public bool CarriesContentWarning => LengthUnit == LengthUnit.MastodonCharacters;

    /// <summary>
    /// Mastodon's own default for <c>image_size_limit</c> when an instance does not state one: 16 MiB
    /// (<c>MediaAttachment::IMAGE_LIMIT = 16.megabytes</c>, mastodon <c>app/models/media_attachment.rb</c>).
    /// </summary>
    public const long MastodonDefaultImageBytes = 16L * 1024 * 1024;

    /// <summary>Whether <paramref name="contentType"/> is one of <see cref="ImageTypes"/> (or a range of them); true when there is no list.</summary>
    public bool TakesImageType(string contentType) =>
        ImageTypes is null || ImageTypes.Any(type => type.EndsWith("/*", StringComparison.Ordinal)
            ? contentType.StartsWith(type[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(type, contentType, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A Mastodon instance's limits from its <c>GET /api/v2/instance</c> document:
    /// <c>configuration.statuses.max_characters</c>, <c>characters_reserved_per_url</c> and
    /// <c>max_media_attachments</c>. Instances set their own limits, so nothing here assumes 500.
    /// Mastodon takes plain text and alt text (the media <c>description</c>). Images: the instance's
    /// <c>configuration.media_attachments.image_size_limit</c> (bytes) and the <c>image/…</c> entries of
    /// <c>supported_mime_types</c> (https://docs.joinmastodon.org/entities/Instance/#media_attachments); an
    /// instance (or another Fediverse server) that leaves them out gets Mastodon's default
    /// <see cref="MastodonDefaultImageBytes"/> and no type list.
    /// </summary>
    /// <exception cref="FormatException">A member is missing or not a positive whole number; the message names it.</exception>
    public static ChannelCapabilities FromMastodonInstance(JsonElement instanceV2Root)
    {
        var configuration = Member(instanceV2Root, "configuration", "configuration");
        var statuses = Member(configuration, "statuses", "configuration.statuses");
        var media = configuration.TryGetProperty("media_attachments", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        return new ChannelCapabilities(
            MaxLength: PositiveInt(statuses, "max_characters"),
            LengthUnit: LengthUnit.MastodonCharacters,
            MaxBytes: null,
            CharactersReservedPerUrl: PositiveInt(statuses, "characters_reserved_per_url"),
            MaxMedia: PositiveInt(statuses, "max_media_attachments"),
            SupportsAltText: true,
            Formatting: PlainFormatting)
        {
            MaxImageBytes = media.ValueKind == JsonValueKind.Object && media.TryGetProperty("image_size_limit", out var limit)
                ? (limit.ValueKind == JsonValueKind.Number && limit.TryGetInt64(out var bytes) && bytes > 0
                    ? bytes
                    : throw new FormatException($"The Mastodon instance document's configuration.media_attachments.image_size_limit is not a positive whole number: {limit.GetRawText()}."))
                : MastodonDefaultImageBytes,
            ImageTypes = media.ValueKind == JsonValueKind.Object && media.TryGetProperty("supported_mime_types", out var types) && types.ValueKind == JsonValueKind.Array
                ? [.. types.EnumerateArray()
                    .Where(type => type.ValueKind == JsonValueKind.String && type.GetString()!.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                    .Select(type => type.GetString()!.ToLowerInvariant())
                    .Distinct(StringComparer.Ordinal)
                    .Take(32)]
                : null,
        };
    }

    private static JsonElement Member(JsonElement parent, string name, string path) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"The Mastodon instance document has no member {path} (GET /api/v2/instance).");

    private static int PositiveInt(JsonElement statuses, string name)
    {
        var path = "configuration.statuses." + name;
        var value = Member(statuses, name, path);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw new FormatException($"The Mastodon instance document's {path} is not a positive whole number: {value.GetRawText()}.");
    }
}
