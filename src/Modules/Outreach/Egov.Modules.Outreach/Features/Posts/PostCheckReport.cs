using Egov.Modules.Outreach.Features.Checks;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>The checks of a post, per channel, on the exact text each channel would receive.</summary>
/// <param name="Passes">No blocking finding on any channel.</param>
/// <param name="Blocking">Number of blocking findings over all channels.</param>
/// <param name="Warnings">Number of warnings over all channels.</param>
/// <param name="GuidelineVersion">The guideline version in force when checked.</param>
internal sealed record PostCheckReport(bool Passes, int Blocking, int Warnings, int? GuidelineVersion, IReadOnlyList<ChannelCheckView> Channels);

/// <summary>The checks of one variant.</summary>
/// <param name="ExactText">The text as it will be sent (after appending link and hashtags; for Telegram before HTML escaping).</param>
/// <param name="Count">Length as the platform counts it, in <paramref name="Unit"/>.</param>
/// <param name="Limit">The platform's limit in the same unit.</param>
/// <param name="Unit"><c>MastodonCharacters</c>, <c>GraphemeClusters</c> or <c>TelegramCharacters</c>.</param>
/// <param name="Bytes">UTF-8 bytes, where the platform has a byte limit (Bluesky).</param>
/// <param name="ByteLimit">That byte limit.</param>
/// <param name="LimitsSource"><c>instance</c> (read from the platform) or <c>platform</c> (documented values).</param>
internal sealed record ChannelCheckView(
    Guid ChannelId,
    string ChannelName,
    string Kind,
    string ExactText,
    int Count,
    int Limit,
    string Unit,
    int? Bytes,
    int? ByteLimit,
    string LimitsSource,
    bool Passes,
    IReadOnlyList<CheckFinding> Findings);
