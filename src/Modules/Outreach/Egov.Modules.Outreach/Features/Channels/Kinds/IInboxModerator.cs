namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// Acts on an abusive citizen's item on the platform, where the platform lets the city do so: Facebook and Instagram let
/// a Page hide a comment under its own posts (hidden for everyone but the author and their friends); Mastodon lets an
/// account report a status to the instance's moderators. An optional face of an adapter, found among the
/// <see cref="IChannelAdapter"/>s like <see cref="IInboxSource"/>. Kinds without it cannot moderate (Bluesky, Telegram,
/// Threads, LinkedIn, webhooks, app push: not offered through their APIs, or not read into the inbox).
/// </summary>
internal interface IInboxModerator
{
    /// <summary>The kind served, a <see cref="ChannelKind.Name"/>.</summary>
    string Kind { get; }

    /// <summary>What the platform does: <see cref="InboxModeration.Hide"/> or <see cref="InboxModeration.Report"/>.</summary>
    string Action { get; }

    /// <summary>Hides or reports the item <paramref name="platformItemId"/> (the id the inbox read), with <paramref name="reason"/> for the platform's moderators where it takes one.</summary>
    /// <exception cref="PlatformUnavailableException">The platform refused (in its words) or could not be reached.</exception>
    Task ModerateAsync(ChannelEndpoint channel, string platformItemId, string? reason, CancellationToken cancellationToken);
}

/// <summary>The moderation actions, as the API and the inbox item name them.</summary>
internal static class InboxModeration
{
    /// <summary>Hide the comment on the platform (Facebook <c>is_hidden</c>, Instagram <c>hide</c>).</summary>
    public const string Hide = "hide";

    /// <summary>Report it to the platform's moderators (Mastodon <c>POST /api/v1/reports</c>).</summary>
    public const string Report = "report";
}
