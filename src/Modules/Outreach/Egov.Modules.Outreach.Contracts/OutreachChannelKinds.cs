namespace Egov.Modules.Outreach.Contracts;

/// <summary>
/// The kinds of outbound channel Egov can deliver to. Other modules use these names when they ask
/// Outreach to reach people (e.g. crisis fan-out to every crisis-capable channel).
/// </summary>
public static class OutreachChannelKinds
{
    /// <summary>A Mastodon account on an instance (ActivityPub).</summary>
    public const string Mastodon = "mastodon";

    /// <summary>A Telegram channel, posted to by a bot (Telegram Bot API).</summary>
    public const string Telegram = "telegram";

    /// <summary>A Bluesky account (AT Protocol).</summary>
    public const string Bluesky = "bluesky";

    /// <summary>An HTTPS endpoint receiving HMAC-SHA256-signed JSON.</summary>
    public const string Webhook = "webhook";

    /// <summary>Push notifications to the city's mobile app (Web Push, FCM, APNs).</summary>
    public const string AppPush = "app-push";

    /// <summary>Every kind, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Mastodon, Telegram, Bluesky, Webhook, AppPush];
}
