namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>One channel's variant of a post, as the checks see it before submission and approval.</summary>
/// <param name="ChannelKind">The channel kind's name; the checks only name it in their messages.</param>
/// <param name="Capabilities">The channel's limits (for Mastodon: <see cref="ChannelCapabilities.FromMastodonInstance"/>).</param>
/// <param name="Text">The editor's text, before the link and hashtags are appended (<see cref="OutboundText.Compose"/>).</param>
/// <param name="ContentWarning">Mastodon's <c>spoiler_text</c>; counts toward Mastodon's limit. Other channels have none.</param>
/// <param name="Link">A URL appended to the text, if any.</param>
/// <param name="Hashtags">Hashtags appended to the text, with or without '#'.</param>
/// <param name="Media">The attached media files.</param>
/// <param name="IsPublic">Whether everyone can read the post; personal data is checked only then.</param>
/// <param name="RequiresImprintLink">Whether the guidelines require the imprint URL in this channel's text.</param>
internal sealed record PostCheckRequest(
    string ChannelKind,
    ChannelCapabilities Capabilities,
    string Text,
    string? ContentWarning,
    string? Link,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<CheckedMedia> Media,
    bool IsPublic,
    bool RequiresImprintLink);
