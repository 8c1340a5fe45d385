namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>The checks' verdict on one channel's variant of a post.</summary>
/// <param name="ChannelKind">The channel kind's name, as the caller gave it in <see cref="PostCheckRequest.ChannelKind"/>.</param>
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

    /// <summary>How the channel takes the text: <see cref="ChannelCapabilities.PlainFormatting"/> (the default) or <see cref="ChannelCapabilities.HtmlFormatting"/>.</summary>
    public string Formatting { get; init; } = ChannelCapabilities.PlainFormatting;

    /// <summary>
    /// The body as it goes over the wire: where the channel takes HTML (Telegram's <c>parse_mode=HTML</c>)
    /// <see cref="TelegramHtml.Escape"/> of <see cref="ExactText"/>, for every other channel <see cref="ExactText"/>.
    /// </summary>
    public string SentText => Formatting == ChannelCapabilities.HtmlFormatting ? TelegramHtml.Escape(ExactText) : ExactText;
}
