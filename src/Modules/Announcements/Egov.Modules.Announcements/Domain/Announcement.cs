using Egov.Modules.Announcements.Contracts;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Announcements.Domain;

/// <summary>An announcement of the city: news, official notice, event or alert (German variant).</summary>
internal sealed class Announcement
{
    private Announcement()
    {
    }

    public Guid Id { get; private set; }

    public AnnouncementKind Kind { get; private set; }

    public AnnouncementStatus Status { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>Body as Markdown; rendered and sanitised on output.</summary>
    public string Body { get; private set; } = "";

    public List<string> Categories { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it became public (UTC); set once by <see cref="Publish"/>.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When it stops being listed (UTC), if ever.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public static Announcement CreateDraft(
        AnnouncementKind kind, string title, string summary, string body, IEnumerable<string> categories, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Status = AnnouncementStatus.Draft,
            Title = title,
            Summary = summary,
            Body = body,
            Categories = [.. categories],
            CreatedAt = now,
        };

    /// <summary>Makes the announcement public now and returns the event to put in the outbox.</summary>
    /// <exception cref="ConflictException">It is already published, expired or archived.</exception>
    public AnnouncementPublishedIntegrationEvent Publish(DateTimeOffset now, DateTimeOffset? expiresAt = null)
    {
        if (Status is not (AnnouncementStatus.Draft or AnnouncementStatus.Scheduled))
        {
            throw new ConflictException($"Announcement {Id} is {Status}; only a draft or scheduled announcement can be published.");
        }

        Status = AnnouncementStatus.Published;
        PublishedAt = now;
        ExpiresAt = expiresAt;
        return new AnnouncementPublishedIntegrationEvent(Guid.CreateVersion7(now), now, Id, Kind.ToString(), Title, Categories);
    }
}
