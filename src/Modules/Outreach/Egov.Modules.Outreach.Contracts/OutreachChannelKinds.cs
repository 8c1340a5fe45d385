namespace Egov.Modules.Outreach.Contracts;

/// <summary>
/// The kinds of outbound channel Egov can deliver to. Other modules use these names when they ask
/// Outreach to reach people (e.g. crisis fan-out to every crisis-capable channel). These are the names
/// of the module's own kinds on the wire; what a kind is (limits, credentials, adapter) is its descriptor
/// inside the module, and the registered kinds — not this list — decide which names are accepted.
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

    /// <summary>A Facebook Page, posted to through the Graph API with a Page access token.</summary>
    public const string Facebook = "facebook";

    /// <summary>An Instagram professional account, posted to through the Graph API's content publishing (container, then publish).</summary>
    public const string Instagram = "instagram";

    /// <summary>A Threads profile, posted to through the Threads API (container, then publish).</summary>
    public const string Threads = "threads";

    /// <summary>A LinkedIn organisation page, posted to through the Posts API.</summary>
    public const string LinkedIn = "linkedin";
}
