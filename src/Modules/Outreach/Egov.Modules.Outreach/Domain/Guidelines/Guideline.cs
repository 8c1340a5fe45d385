namespace Egov.Modules.Outreach.Domain.Guidelines;

/// <summary>
/// One version of the city's social-media guidelines (Social-Media-Leitlinien): which platforms are
/// served, what is posted, who may post in the city's name, tone, data protection, crisis rules.
/// Versions are never changed; a new text is a new version, and the highest version is in force.
/// </summary>
internal sealed class Guideline
{
    private Guideline()
    {
    }

    /// <summary>1, 2, 3, … — the highest is in force.</summary>
    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The text as Markdown.</summary>
    public string Body { get; private set; } = "";

    /// <summary>What changed against the version before (shown to those asked to acknowledge).</summary>
    public string? ChangeNote { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBySubject { get; private set; } = "";

    public string PublishedByName { get; private set; } = "";

    public static Guideline Publish(int version, string title, string body, string? changeNote, string subject, string name, DateTimeOffset now) =>
        new()
        {
            Version = version,
            Title = title,
            Body = body,
            ChangeNote = changeNote,
            PublishedAt = now,
            PublishedBySubject = subject,
            PublishedByName = name,
        };
}
