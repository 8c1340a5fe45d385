namespace Egov.Modules.Outreach.Domain.Posts;

/// <summary>
/// The approval (Freigabe) of a post: who, when, under which guideline version, and what the
/// checks found at that moment. Break-glass: a CrisisManager approved their own crisis post.
/// </summary>
internal sealed record PostApproval(
    string ApproverSubject,
    string ApproverName,
    DateTimeOffset ApprovedAt,
    int GuidelineVersion,
    bool BreakGlass,
    string CheckResults);
