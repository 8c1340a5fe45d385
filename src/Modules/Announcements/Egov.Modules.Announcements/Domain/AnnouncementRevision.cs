namespace Egov.Modules.Announcements.Domain;

/// <summary>An earlier revision of a published announcement, kept when it is corrected (never a silent edit).</summary>
internal sealed class AnnouncementRevision
{
    private AnnouncementRevision()
    {
    }

    public Guid Id { get; private set; }

    public Guid AnnouncementId { get; private set; }

    /// <summary>The revision number this content had (1, 2, …).</summary>
    public int Revision { get; private set; }

    public AnnouncementContent Content { get; private set; } = null!;

    public List<string> Categories { get; private set; } = [];

    /// <summary>When it was replaced (UTC) and by whom.</summary>
    public DateTimeOffset ReplacedAt { get; private set; }

    public string ReplacedBySubject { get; private set; } = "";

    public static AnnouncementRevision Of(Announcement announcement, ContentActor actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        AnnouncementId = announcement.Id,
        Revision = announcement.Revision,
        Content = announcement.Content,
        Categories = [.. announcement.Categories],
        ReplacedAt = now,
        ReplacedBySubject = actor.Subject,
    };
}
