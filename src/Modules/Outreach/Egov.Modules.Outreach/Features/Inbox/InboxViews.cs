using Egov.Modules.Outreach.Domain.Inbox;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>One item of the staff inbox.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="ChannelId">The channel it came in on.</param>
/// <param name="ChannelKind">That channel's kind, e.g. <c>mastodon</c>.</param>
/// <param name="Kind"><c>reply</c>, <c>mention</c> or <c>comment</c>.</param>
/// <param name="AuthorHandle">The citizen's handle or platform id.</param>
/// <param name="AuthorName">The citizen's display name, where the platform gives it.</param>
/// <param name="Text">What they wrote, as plain text.</param>
/// <param name="Url">Where it is on the platform, if public.</param>
/// <param name="PublishedAt">When they wrote it (UTC).</param>
/// <param name="ImportedAt">When Egov read it (UTC).</param>
/// <param name="Flagged">Marked for attention (abusive, urgent, for another department).</param>
/// <param name="FlagReason">Why, if said.</param>
/// <param name="AssignedTo">The staff member's subject it is assigned to, or null.</param>
/// <param name="AnswerPostId">The reply post (under approval or sent), or null while unanswered.</param>
/// <param name="AnsweredAt">When the reply was written (UTC), or null.</param>
/// <param name="Moderation"><c>hidden</c> (hidden on Facebook/Instagram) or <c>reported</c> (reported to the Mastodon instance's moderators), or null.</param>
/// <param name="ModeratedAt">When (UTC).</param>
/// <param name="ModeratedByName">Who did it.</param>
/// <param name="ModerationReason">Why, as recorded (and sent with a report).</param>
internal sealed record InboxItemView(
    Guid Id,
    Guid ChannelId,
    string ChannelKind,
    string Kind,
    string AuthorHandle,
    string? AuthorName,
    string Text,
    string? Url,
    DateTimeOffset PublishedAt,
    DateTimeOffset ImportedAt,
    bool Flagged,
    string? FlagReason,
    string? AssignedTo,
    Guid? AnswerPostId,
    DateTimeOffset? AnsweredAt,
    string? Moderation,
    DateTimeOffset? ModeratedAt,
    string? ModeratedByName,
    string? ModerationReason)
{
    public static InboxItemView From(InboxItem i) =>
        new(i.Id, i.ChannelId, i.ChannelKind, i.Kind, i.AuthorHandle, i.AuthorName, i.Text, i.Url, i.PublishedAt, i.ImportedAt, i.Flagged, i.FlagReason, i.AssignedTo, i.AnswerPostId, i.AnsweredAt,
            i.Moderation, i.ModeratedAt, i.ModeratedByName, i.ModerationReason);
}

/// <summary>Assign an item: <c>assignee</c> is a staff member's subject, or null to unassign; absent means "me".</summary>
internal sealed record AssignInboxInput(string? Assignee, bool? Unassign);

/// <summary>Flag or unflag an item, with a reason.</summary>
internal sealed record FlagInboxInput(bool? Flagged, string? Reason);

/// <summary>The answer to an item: its text (checked as a post's) and language (BCP 47, default <c>de</c>).</summary>
internal sealed record AnswerInboxInput(string? Text, string? Language);
