namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// Reads what citizens write to or under a channel — replies, comments, mentions — for the staff inbox. Implemented by
/// the adapters of kinds whose platforms offer it (Mastodon notifications, Bluesky notifications, Facebook Page and
/// Instagram comments); the inbox reader finds them among the <see cref="IChannelAdapter"/>s.
/// </summary>
internal interface IInboxSource
{
    /// <summary>The kind served, a <see cref="ChannelKind.Name"/>.</summary>
    string Kind { get; }

    /// <summary>
    /// The items since <paramref name="position"/> (what an earlier read returned as <see cref="InboxBatch.Position"/>; null
    /// at first), newest first or in any order. Platforms that list comments per post read them under
    /// <paramref name="ownPosts"/>, the platform ids of the channel's recent posts (newest first). Items may repeat
    /// across reads; the inbox keeps one per platform id.
    /// </summary>
    /// <exception cref="PlatformUnavailableException">The platform could not be read.</exception>
    Task<InboxBatch> ReadInboxAsync(ChannelEndpoint channel, string? position, IReadOnlyList<string> ownPosts, CancellationToken cancellationToken);
}

/// <summary>One read of a channel's inbox.</summary>
/// <param name="Items">The items read.</param>
/// <param name="Position">Where the next read goes on from (unchanged or null where the platform needs none).</param>
internal sealed record InboxBatch(IReadOnlyList<InboundItem> Items, string? Position);

/// <summary>A citizen's item as read from the platform.</summary>
/// <param name="PlatformItemId">The platform's id of it.</param>
/// <param name="ReplyTarget">What an answer's <see cref="OutboundMessage.ReplyTo"/> must be to answer it.</param>
/// <param name="Kind"><c>reply</c>, <c>mention</c> or <c>comment</c>.</param>
/// <param name="InReplyTo">The platform id of the post it answers, where known.</param>
/// <param name="AuthorHandle">The author's handle or platform id.</param>
/// <param name="AuthorName">The author's display name, where given.</param>
/// <param name="Text">Its text as plain text.</param>
/// <param name="Url">Its public URL, where there is one.</param>
/// <param name="PublishedAt">When it was written (UTC).</param>
internal sealed record InboundItem(string PlatformItemId, string ReplyTarget, string Kind, string? InReplyTo, string AuthorHandle, string? AuthorName, string Text, string? Url, DateTimeOffset PublishedAt);
