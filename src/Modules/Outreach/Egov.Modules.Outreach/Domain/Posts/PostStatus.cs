namespace Egov.Modules.Outreach.Domain.Posts;

/// <summary>
/// Where a post (Beitrag) stands. Draft → InReview → Approved → Scheduled → Publishing →
/// Published | PartiallyFailed | Failed; InReview → Rejected (with a reason; editing makes it a
/// Draft again); Cancelled from any state before Publishing.
/// </summary>
internal enum PostStatus
{
    Draft,
    InReview,
    Rejected,
    Approved,
    Scheduled,
    Publishing,
    Published,
    PartiallyFailed,
    Failed,
    Cancelled,
}
