using Egov.SharedKernel.Errors;

namespace Egov.Modules.Announcements.Domain;

/// <summary>
/// A crisis template (vorbereiteter Warntext): an alert written and approved under four eyes in peacetime, so that
/// in a crisis only its placeholders (<c>{Ort}</c>, <c>{Zeit}</c>, …) are filled before it goes out. Every edit
/// makes a new revision and drops the approval; an alert is issued only from an approved revision.
/// </summary>
internal sealed class AlertTemplate
{
    private AlertTemplate()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Short name for the crisis team's list, e.g. "Trinkwasser abkochen".</summary>
    public string Name { get; private set; } = "";

    public AlertTemplateContent Content { get; private set; } = null!;

    /// <summary>The template's revision: 1 when written, +1 per edit. Issued alerts record it.</summary>
    public int Revision { get; private set; }

    /// <summary>Subject of who wrote the current revision (the four eyes compare against it).</summary>
    public string AuthorSubject { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    public string? ApprovedBySubject { get; private set; }

    public string? ApprovedByName { get; private set; }

    /// <summary>When the current revision was approved (UTC); null while it is not.</summary>
    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (the ETag): counts every change, approvals included.</summary>
    public int Version { get; private set; }

    public static AlertTemplate Create(string name, AlertTemplateContent content, ContentActor author, DateTimeOffset now)
    {
        var template = new AlertTemplate { Id = Guid.CreateVersion7(now), CreatedAt = now };
        template.Write(name, content, author, now);
        return template;
    }

    /// <summary>A new revision by <paramref name="author"/>; the approval of the previous one no longer counts.</summary>
    public void Edit(string name, AlertTemplateContent content, ContentActor author, DateTimeOffset now) => Write(name, content, author, now);

    /// <summary>Approves the current revision (four eyes: not by its author).</summary>
    /// <exception cref="ForbiddenException">The approver wrote this revision.</exception>
    /// <exception cref="ConflictException">This revision is approved already.</exception>
    public void Approve(ContentActor approver, DateTimeOffset now)
    {
        FourEyes.EnsureNotAuthor(approver, AuthorSubject, "template revision");
        if (ApprovedAt is not null)
        {
            throw new ConflictException($"Revision {Revision} of this template is approved already (by {ApprovedByName}).");
        }

        ApprovedBySubject = approver.Subject;
        ApprovedByName = approver.Name;
        ApprovedAt = now;
        Version++;
    }

    /// <summary>Refuses to issue from a revision no Approver has approved.</summary>
    /// <exception cref="ConflictException">The current revision is not approved.</exception>
    public void EnsureApproved()
    {
        if (ApprovedAt is null)
        {
            throw new ConflictException($"Revision {Revision} of the template '{Name}' is not approved; a template is used only after an Approver other than its author has approved it (four-eyes principle). Write the alert directly instead (break-glass).");
        }
    }

    private void Write(string name, AlertTemplateContent content, ContentActor author, DateTimeOffset now)
    {
        Name = name;
        Content = content;
        Revision++;
        AuthorSubject = author.Subject;
        AuthorName = author.Name;
        ApprovedAt = null;
        ApprovedBySubject = null;
        ApprovedByName = null;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What a crisis template holds (one JSON document).</summary>
/// <param name="Variants">Texts per language: <c>de</c> required, <c>de-x-ls</c> (Leichte Sprache) and <c>en</c> optional.</param>
/// <param name="Channels">The channels the crisis team means it for (name and kind, e.g. "Stadt Mastodon", "Mastodon").</param>
/// <param name="Cap">The CAP 1.2 fields of the alert it issues.</param>
internal sealed record AlertTemplateContent(IReadOnlyList<AlertTemplateVariant> Variants, IReadOnlyList<AlertTemplateChannel> Channels, AlertTemplateCap Cap);

/// <summary>One language of a template; texts may contain placeholders such as <c>{Ort}</c>.</summary>
/// <param name="Language"><c>de</c>, <c>de-x-ls</c> or <c>en</c>.</param>
/// <param name="Title">Headline (after filling at most 200 characters).</param>
/// <param name="Text">What happens (plain text or Markdown).</param>
/// <param name="Instruction">What people should do (CAP <c>instruction</c>).</param>
internal sealed record AlertTemplateVariant(string Language, string Title, string Text, string Instruction);

/// <summary>A channel a template is meant for.</summary>
/// <param name="Name">The channel's name as the crisis team knows it.</param>
/// <param name="Kind">Mastodon, Telegram, Bluesky, Webhook, Push, … (free text, at most 50 characters).</param>
internal sealed record AlertTemplateChannel(string Name, string Kind);

/// <summary>The CAP 1.2 fields of an alert issued from a template (values spelled as in CAP 1.2 §3.2.2).</summary>
/// <param name="Event">CAP <c>event</c>, e.g. "Trinkwasserverunreinigung".</param>
/// <param name="Category">CAP <c>category</c>, e.g. <c>Health</c>.</param>
/// <param name="Urgency">CAP <c>urgency</c>.</param>
/// <param name="Severity">CAP <c>severity</c>.</param>
/// <param name="Certainty">CAP <c>certainty</c>.</param>
/// <param name="ResponseType">CAP <c>responseType</c>.</param>
/// <param name="AreaDescription">CAP <c>areaDesc</c>; may contain placeholders.</param>
/// <param name="Geocodes">The area's geocodes, e.g. <c>ARS</c> = <c>059620032032</c> (at least one).</param>
/// <param name="ValidHours">How long an issued alert is in force (CAP <c>expires</c> = issue time + this), 1–168 hours.</param>
internal sealed record AlertTemplateCap(
    string Event, string Category, string Urgency, string Severity, string Certainty, string ResponseType,
    string AreaDescription, IReadOnlyList<AlertGeocode> Geocodes, int ValidHours);

/// <summary>The record of an alert issued from a template: who, when, from which revision, with which values.</summary>
internal sealed class AlertTemplateIssue
{
    private AlertTemplateIssue()
    {
    }

    public Guid Id { get; private set; }

    public Guid TemplateId { get; private set; }

    /// <summary>The template revision the alert was made from.</summary>
    public int TemplateRevision { get; private set; }

    /// <summary>The alert issued.</summary>
    public Guid AnnouncementId { get; private set; }

    public string IssuedBySubject { get; private set; } = "";

    public string IssuedByName { get; private set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The placeholder values as given (name → value).</summary>
    public Dictionary<string, string> Values { get; private set; } = [];

    public static AlertTemplateIssue Of(AlertTemplate template, Guid announcementId, ContentActor issuer, IReadOnlyDictionary<string, string> values, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TemplateId = template.Id,
        TemplateRevision = template.Revision,
        AnnouncementId = announcementId,
        IssuedBySubject = issuer.Subject,
        IssuedByName = issuer.Name,
        IssuedAt = now,
        Values = new Dictionary<string, string>(values, StringComparer.Ordinal),
    };
}
