namespace Egov.Modules.Outreach.Domain.Inbox;

/// <summary>
/// One citizen's reply, comment or mention on one of the city's channels, read from the platform into the staff inbox
/// (<c>outreach.inbox_items</c>). Unique per channel and platform id, so a second reader (another host instance, a
/// repeated read) cannot import it twice. Holds personal data (the author's handle and name, the text): deleted after
/// the inbox retention (<c>Egov:Outreach:Inbox:Retention</c>).
/// </summary>
internal sealed class InboxItem
{
    private InboxItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid ChannelId { get; private set; }

    /// <summary>The channel's kind when read (for filters and the report).</summary>
    public string ChannelKind { get; private set; } = "";

    /// <summary>The platform's id of the item (Mastodon status id, Bluesky <c>at://</c> URI, Graph comment id).</summary>
    public string PlatformItemId { get; private set; } = "";

    /// <summary>What to put in a reply's <c>ReplyTo</c> to answer it (Bluesky: <c>uri|cid</c>; elsewhere the platform id).</summary>
    public string ReplyTarget { get; private set; } = "";

    /// <summary><c>reply</c>, <c>mention</c> or <c>comment</c>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The platform's id of the city's post it answers, where the platform says.</summary>
    public string? InReplyTo { get; private set; }

    public string AuthorHandle { get; private set; } = "";

    public string? AuthorName { get; private set; }

    /// <summary>The item's text as plain text.</summary>
    public string Text { get; private set; } = "";

    public string? Url { get; private set; }

    /// <summary>When it was written on the platform (UTC).</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>When it was read into the inbox (UTC); the retention counts from here.</summary>
    public DateTimeOffset ImportedAt { get; private set; }

    public bool Flagged { get; private set; }

    public string? FlagReason { get; private set; }

    /// <summary>The staff member's subject the item is assigned to, or null.</summary>
    public string? AssignedTo { get; private set; }

    /// <summary>The reply post answering it (under four eyes), or null while unanswered.</summary>
    public Guid? AnswerPostId { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>What was done about it on the platform: <c>hidden</c> (Facebook, Instagram) or <c>reported</c> (Mastodon), or null.</summary>
    public string? Moderation { get; private set; }

    /// <summary>When it was hidden or reported (UTC).</summary>
    public DateTimeOffset? ModeratedAt { get; private set; }

    /// <summary>The staff member's subject who hid or reported it.</summary>
    public string? ModeratedBy { get; private set; }

    /// <summary>Their display name, for the record.</summary>
    public string? ModeratedByName { get; private set; }

    /// <summary>Why (sent with a report to the platform's moderators).</summary>
    public string? ModerationReason { get; private set; }

    /// <summary>Whether nobody has answered it yet.</summary>
    public bool Unanswered => AnswerPostId is null;

    public static InboxItem Import(Guid channelId, string channelKind, string platformItemId, string replyTarget, string kind, string? inReplyTo, string authorHandle, string? authorName, string text, string? url, DateTimeOffset publishedAt, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            ChannelId = channelId,
            ChannelKind = channelKind,
            PlatformItemId = platformItemId,
            ReplyTarget = replyTarget,
            Kind = kind,
            InReplyTo = inReplyTo,
            AuthorHandle = authorHandle,
            AuthorName = authorName,
            Text = text,
            Url = url,
            PublishedAt = publishedAt,
            ImportedAt = now,
        };

    public void Assign(string? subject) => AssignedTo = subject;

    public void Flag(bool flagged, string? reason)
    {
        Flagged = flagged;
        FlagReason = flagged ? reason : null;
    }

    /// <summary>Links the reply post (submitted for approval) that answers it.</summary>
    public void Answer(Guid postId, DateTimeOffset now)
    {
        AnswerPostId = postId;
        AnsweredAt = now;
    }

    /// <summary>Records that the platform hid or took a report on it, by whom and why (the audit of the moderation).</summary>
    public void Moderated(string action, string subject, string name, string? reason, DateTimeOffset now)
    {
        Moderation = action;
        ModeratedAt = now;
        ModeratedBy = subject;
        ModeratedByName = name;
        ModerationReason = reason;
    }
}
