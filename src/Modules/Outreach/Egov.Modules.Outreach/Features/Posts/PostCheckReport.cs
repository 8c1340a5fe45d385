using Egov.Modules.Outreach.Engines.TextRules;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>The checks of a post, per channel, on the exact text each channel would receive.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>passes</c>: No blocking finding on any channel.</item>
/// <item><c>blocking</c>: Number of blocking findings over all channels.</item>
/// <item><c>warnings</c>: Number of warnings over all channels.</item>
/// <item><c>guidelineVersion</c>: The guideline version in force when checked.</item>
/// </list>
/// </remarks>
internal sealed record PostCheckReport(bool Passes, int Blocking, int Warnings, int? GuidelineVersion, IReadOnlyList<ChannelCheckView> Channels);

/// <summary>The checks of one variant.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>exactText</c>: The text as it will be sent (after appending link and hashtags; for Telegram before HTML escaping).</item>
/// <item><c>count</c>: Length as the platform counts it, in <c>unit</c>.</item>
/// <item><c>limit</c>: The platform's limit in the same unit.</item>
/// <item><c>unit</c>: <c>MastodonCharacters</c>, <c>GraphemeClusters</c>, <c>TelegramCharacters</c>, <c>Utf16CodeUnits</c>, <c>ThreadsCharacters</c> or <c>LinkedInCharacters</c>.</item>
/// <item><c>bytes</c>: UTF-8 bytes, where the platform has a byte limit (Bluesky).</item>
/// <item><c>byteLimit</c>: That byte limit.</item>
/// <item><c>limitsSource</c>: <c>instance</c> (read from the platform) or <c>platform</c> (documented values).</item>
/// </list>
/// </remarks>
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
    IReadOnlyList<CheckFinding> Findings)
{
    public static ChannelCheckView From(Domain.Channels.Channel channel, ChannelCheckResult result, string limitsSource) =>
        new(channel.Id, channel.Name, channel.Kind, result.ExactText, result.Count, result.Limit, result.Unit.ToString(),
            result.Bytes, result.ByteLimit, limitsSource, result.Passes, result.Findings);
}
