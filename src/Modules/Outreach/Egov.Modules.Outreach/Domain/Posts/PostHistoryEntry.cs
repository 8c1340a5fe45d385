namespace Egov.Modules.Outreach.Domain.Posts;

/// <summary>One line of a post's audit history: who did what when, and from which state to which.</summary>
internal sealed class PostHistoryEntry
{
    public Guid PostId { get; set; }

    /// <summary>1, 2, 3, … per post; orders entries made in the same instant.</summary>
    public int Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorSubject { get; set; }

    public required string ActorName { get; set; }

    /// <summary>created, edited, submitted, approved, approved-break-glass, reviewed, rejected, scheduled, cancelled, media-added.</summary>
    public required string Action { get; set; }

    public PostStatus? FromStatus { get; set; }

    public PostStatus ToStatus { get; set; }

    /// <summary>A reason or note (rejection reason, cancel reason), or null.</summary>
    public string? Note { get; set; }

    /// <summary>Guideline version in force for approvals, or null.</summary>
    public int? GuidelineVersion { get; set; }

    /// <summary>The check results at that moment as JSON (per channel: counts, limit, findings), or null.</summary>
    public string? CheckResults { get; set; }
}
