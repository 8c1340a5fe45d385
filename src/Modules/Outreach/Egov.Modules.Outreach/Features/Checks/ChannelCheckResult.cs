using Egov.Modules.Outreach.Contracts;

namespace Egov.Modules.Outreach.Features.Checks;

/// <summary>The checks' verdict on one channel's variant of a post.</summary>
/// <param name="ChannelKind">One of <see cref="OutreachChannelKinds"/>.</param>
/// <param name="ExactText">
/// The text that will be sent (<see cref="OutboundText.Compose"/>), the one every check read. For Telegram
/// this is the plain text; the message body sent is <see cref="SentText"/>.
/// </param>
/// <param name="Count">The text's length in <paramref name="Unit"/> (for Mastodon including the content warning).</param>
/// <param name="Limit">The most <paramref name="Count"/> may be (for Telegram with media: the caption limit).</param>
/// <param name="Unit">How <paramref name="Count"/> was counted.</param>
/// <param name="Bytes">The text's size in UTF-8 bytes where the channel limits bytes, else null.</param>
/// <param name="ByteLimit">The channel's byte limit, else null.</param>
/// <param name="Findings">Every finding, blocking first in check order; empty when all is well.</param>
internal sealed record ChannelCheckResult(
    string ChannelKind,
    string ExactText,
    int Count,
    int Limit,
    LengthUnit Unit,
    int? Bytes,
    int? ByteLimit,
    IReadOnlyList<CheckFinding> Findings)
{
    /// <summary>True when no finding is blocking: the variant may be submitted and approved.</summary>
    public bool Passes => Findings.All(finding => finding.Severity != FindingSeverity.Blocking);

    /// <summary>
    /// The body as it goes over the wire: for Telegram <see cref="TelegramHtml.Escape"/> of
    /// <see cref="ExactText"/> (sent with <c>parse_mode=HTML</c>), for every other channel <see cref="ExactText"/>.
    /// </summary>
    public string SentText => ChannelKind == OutreachChannelKinds.Telegram ? TelegramHtml.Escape(ExactText) : ExactText;
}
