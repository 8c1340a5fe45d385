namespace Egov.Modules.Outreach.Domain;

/// <summary>
/// A published announcement that press officers may cross-post to social channels. Recorded when
/// the Announcements module publishes one; drafting a post from it is a later step of the workflow.
/// </summary>
internal sealed class CrossPostCandidate
{
    public Guid AnnouncementId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public List<string> Categories { get; set; } = [];

    /// <summary>When the announcement became public (UTC).</summary>
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>When Outreach learned of it (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
