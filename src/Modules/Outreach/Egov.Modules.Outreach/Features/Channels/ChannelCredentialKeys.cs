using Egov.Modules.Outreach.Contracts;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>The credential members each channel kind needs (names as in the platforms' documentation).</summary>
internal static class ChannelCredentialKeys
{
    public static IReadOnlyList<string> For(string kind) => kind switch
    {
        OutreachChannelKinds.Mastodon => ["accessToken"],
        OutreachChannelKinds.Telegram => ["botToken"],
        OutreachChannelKinds.Bluesky => ["identifier", "appPassword"],
        OutreachChannelKinds.Webhook => ["secret"],
        _ => [],
    };
}
