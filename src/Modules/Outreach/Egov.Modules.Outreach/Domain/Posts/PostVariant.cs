namespace Egov.Modules.Outreach.Domain.Posts;

/// <summary>The text of a post for one channel (PostVariant), as the editor wrote it.</summary>
internal sealed class PostVariant
{
    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>The text before links and hashtags are appended (see the checks' exact text).</summary>
    public string Text { get; set; } = "";

    /// <summary>BCP 47 language tag, e.g. <c>de</c>, <c>en</c>.</summary>
    public string Language { get; set; } = "de";

    /// <summary>An absolute http(s) link appended to the text, or null.</summary>
    public string? Link { get; set; }

    /// <summary>Content warning (Mastodon spoiler text), or null.</summary>
    public string? ContentWarning { get; set; }

    /// <summary>Hashtags without '#', appended at the end.</summary>
    public List<string> Hashtags { get; set; } = [];

    /// <summary>Images attached, in order, with their alt text.</summary>
    public List<VariantMedia> Media { get; set; } = [];

    /// <summary>
    /// The platform's id of the item this variant answers (a citizen's reply or comment from the inbox), as the
    /// channel's adapter takes it in <c>OutboundMessage.ReplyTo</c>; null for a post of its own. Kept across edits.
    /// </summary>
    public string? ReplyToPlatformId { get; set; }

    /// <summary>
    /// The same text, link, warning, hashtags and images for another channel, under a new id — what a replacement channel
    /// takes over when this variant's channel is retired (ADR 0027). The answer target is not copied: an answer belongs to
    /// the platform the citizen wrote on.
    /// </summary>
    public PostVariant CopyFor(Guid channelId) => new()
    {
        Id = Guid.NewGuid(),
        ChannelId = channelId,
        Text = Text,
        Language = Language,
        Link = Link,
        ContentWarning = ContentWarning,
        Hashtags = [.. Hashtags],
        Media = [.. Media],
    };
}

/// <summary>An uploaded image used in a variant.</summary>
/// <param name="MediaId">Id of the <see cref="PostMedia"/>.</param>
/// <param name="AltText">Description for people who cannot see the image; required before submission.</param>
internal sealed record VariantMedia(Guid MediaId, string? AltText);
