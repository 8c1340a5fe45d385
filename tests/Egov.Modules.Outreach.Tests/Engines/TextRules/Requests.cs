using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Features.Channels.Kinds.AppPush;
using Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;
using Egov.Modules.Outreach.Features.Channels.Kinds.Facebook;
using Egov.Modules.Outreach.Features.Channels.Kinds.Instagram;
using Egov.Modules.Outreach.Features.Channels.Kinds.LinkedIn;
using Egov.Modules.Outreach.Features.Channels.Kinds.Threads;
using Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;
using Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>Post variants for the checks, with the real limits of each channel.</summary>
internal static class Requests
{
    /// <summary>
    /// Family: man, woman, girl, boy — four emoji joined by ZERO WIDTH JOINER: one grapheme cluster, 7 code
    /// points, 11 UTF-16 code units, 25 UTF-8 bytes.
    /// </summary>
    public const string FamilyEmoji = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";

    /// <summary>mastodon.social's limits, read from its documented instance document (500, 23 per URL, 4 media).</summary>
    public static ChannelCapabilities MastodonSocial { get; } = ChannelCapabilities.FromMastodonInstance(MastodonInstanceDocuments.MastodonSocial());

    public static ChannelCapabilities CapabilitiesOf(string channelKind) => channelKind switch
    {
        OutreachChannelKinds.Mastodon => MastodonSocial,
        OutreachChannelKinds.Telegram => TelegramChannel.Documented,
        OutreachChannelKinds.Bluesky => BlueskyChannel.Documented,
        OutreachChannelKinds.Webhook => WebhookChannel.Documented,
        OutreachChannelKinds.AppPush => AppPushChannel.Documented,
        OutreachChannelKinds.Facebook => FacebookChannel.Documented,
        OutreachChannelKinds.Instagram => InstagramChannel.Documented,
        OutreachChannelKinds.Threads => ThreadsChannel.Documented,
        OutreachChannelKinds.LinkedIn => LinkedInChannel.Documented,
        _ => throw new ArgumentOutOfRangeException(nameof(channelKind), channelKind, null),
    };

    public static PostCheckRequest Post(
        string channelKind,
        string text,
        string? contentWarning = null,
        string? link = null,
        IReadOnlyList<string>? hashtags = null,
        IReadOnlyList<CheckedMedia>? media = null,
        bool isPublic = true,
        bool requiresImprintLink = false,
        ChannelCapabilities? capabilities = null) =>
        new(channelKind, capabilities ?? CapabilitiesOf(channelKind), text, contentWarning, link, hashtags ?? [], media ?? [], isPublic, requiresImprintLink);

    public static CheckedMedia Image(string fileName, string? altText = "Das Rathaus im Winter", string contentType = "image/jpeg", long length = 200_000) =>
        new(fileName, altText, contentType, length);

    public static IReadOnlyList<CheckedMedia> Images(int count) =>
        [.. Enumerable.Range(1, count).Select(number => Image($"bild-{number}.jpg"))];
}
