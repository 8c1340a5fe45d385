using Egov.Modules.Announcements.Contracts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Outbox;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Announcements.Domain;

/// <summary>
/// An announcement of the city: news, official notice (amtliche Bekanntmachung), event or alert.
/// Written once in up to three languages, published now or at a scheduled time, expired or archived
/// later. OfficialNotice and Alert need an Approver (four eyes), except that a CrisisManager may
/// issue an Alert alone (break-glass: recorded and flagged for review). A correction after
/// publication creates a new revision with a visible "updated" mark; earlier revisions are kept.
/// </summary>
internal sealed class Announcement : ILeasedRow
{
    private Announcement()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>URL name, unique, e.g. <c>sperrung-der-bahnhofstrasse</c>.</summary>
    public string Slug { get; private set; } = "";

    public AnnouncementKind Kind { get; private set; }

    public AnnouncementStatus Status { get; private set; }

    /// <summary>German title, for lists and search (the content has every variant).</summary>
    public string Title { get; private set; } = "";

    /// <summary>German summary, plain text.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Text of all variants (titles, summaries, bodies) in lower case, for full-text search (GIN index on PostgreSQL).</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Languages present, e.g. <c>de</c>, <c>en</c>.</summary>
    public List<string> Languages { get; private set; } = [];

    public List<string> Categories { get; private set; } = [];

    public AnnouncementContent Content { get; private set; } = null!;

    public string AuthorSubject { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>1 for the first version; each correction after publication adds one.</summary>
    public int Revision { get; private set; } = 1;

    /// <summary>When the last correction after publication was made (UTC): the visible "updated" mark.</summary>
    public DateTimeOffset? CorrectedAt { get; private set; }

    /// <summary>What the last correction changed, shown with the "updated" mark.</summary>
    public string? CorrectionNote { get; private set; }

    /// <summary>When to publish (UTC); entered as Europe/Berlin local time.</summary>
    public DateTimeOffset? PublishAt { get; private set; }

    /// <summary>When to stop listing it (UTC); entered as Europe/Berlin local time.</summary>
    public DateTimeOffset? ExpireAt { get; private set; }

    /// <summary>When it became public (UTC).</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ExpiredAt { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    public string? ApprovedBySubject { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>A CrisisManager issued this alert without an Approver; it awaits review.</summary>
    public bool BreakGlass { get; private set; }

    /// <summary>When a break-glass alert was reviewed by an Approver.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>Set when a later alert (Update or Cancel) superseded this one.</summary>
    public Guid? SupersededBy { get; private set; }

    /// <summary>Concurrency token (ETag of the editor view).</summary>
    public int Version { get; private set; }

    /// <summary>While set and in the future, the scheduler holds the row to publish or expire it (UTC).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>The scheduler's instance holding the row.</summary>
    public string? LockOwner { get; private set; }

    /// <summary>OfficialNotice and Alert need an Approver before they go out.</summary>
    public bool NeedsApproval => Kind is AnnouncementKind.OfficialNotice or AnnouncementKind.Alert;

    public bool IsApproved => ApprovedAt is not null;

    public static Announcement CreateDraft(AnnouncementKind kind, string slug, AnnouncementContent content, IEnumerable<string> categories, ContentActor author, DateTimeOffset now)
    {
        var announcement = new Announcement
        {
            Id = Guid.CreateVersion7(now),
            Slug = slug,
            Kind = kind,
            Status = AnnouncementStatus.Draft,
            AuthorSubject = author.Subject,
            AuthorName = author.Name,
            CreatedAt = now,
        };
        announcement.SetContent(content, categories, now);
        return announcement;
    }

    /// <summary>Edits a draft or scheduled announcement; an approval given before no longer counts.</summary>
    /// <exception cref="ConflictException">It is published, expired or archived (correct it instead).</exception>
    public void Edit(AnnouncementContent content, IEnumerable<string> categories, DateTimeOffset now)
    {
        if (Status is not (AnnouncementStatus.Draft or AnnouncementStatus.Scheduled))
        {
            throw new ConflictException($"The announcement is {Status}; a published announcement is corrected (with a note), not edited.");
        }

        SetContent(content, categories, now);
        ClearApproval();
        if (Status == AnnouncementStatus.Scheduled && NeedsApproval)
        {
            // Changed content must be approved again before it goes out.
            Status = AnnouncementStatus.Draft;
        }
    }

    /// <summary>Corrects a published announcement: a new revision with a visible note; the old one is returned for the archive.</summary>
    /// <exception cref="ConflictException">It is not published.</exception>
    public AnnouncementRevision Correct(AnnouncementContent content, IEnumerable<string> categories, string note, ContentActor actor, DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Published)
        {
            throw new ConflictException($"The announcement is {Status}; only a published announcement is corrected.");
        }

        if (Kind == AnnouncementKind.Alert)
        {
            throw new ConflictException("A published alert is not corrected in place: issue an alert with msgType Update (or Cancel) that references it.");
        }

        if (NeedsApproval && !actor.IsApprover)
        {
            throw new ForbiddenException("A published official notice is corrected by the press office (Approver role).");
        }

        var previous = AnnouncementRevision.Of(this, actor, now);
        SetContent(content, categories, now);
        Revision++;
        CorrectedAt = now;
        CorrectionNote = note;
        return previous;
    }

    /// <summary>Records an Approver's approval (four eyes: never the author's own).</summary>
    /// <exception cref="ForbiddenException">The approver wrote it.</exception>
    /// <exception cref="ConflictException">It is not a draft or scheduled, or needs no approval.</exception>
    public void Approve(ContentActor approver, DateTimeOffset now)
    {
        FourEyes.EnsureNotAuthor(approver, AuthorSubject, "announcement");

        if (Status is not (AnnouncementStatus.Draft or AnnouncementStatus.Scheduled or AnnouncementStatus.Published) || (Status == AnnouncementStatus.Published && !BreakGlass))
        {
            throw new ConflictException($"The announcement is {Status}; there is nothing to approve.");
        }

        if (Status == AnnouncementStatus.Published)
        {
            // The after-the-fact review of a break-glass alert.
            ReviewedAt = now;
        }

        ApprovedBySubject = approver.Subject;
        ApprovedByName = approver.Name;
        ApprovedAt = now;
        Version++;
    }

    /// <summary>Sets the publication window; publishes at <paramref name="publishAt"/> (the scheduler does).</summary>
    /// <exception cref="ConflictException">Not a draft or scheduled announcement.</exception>
    /// <exception cref="ForbiddenException">It needs an approval it does not have.</exception>
    /// <exception cref="RequestValidationException">Publish-at in the past, or expire-at not after it.</exception>
    public void Schedule(DateTimeOffset publishAt, DateTimeOffset? expireAt, ContentActor actor, DateTimeOffset now)
    {
        EnsureCanGoOut(actor);
        if (publishAt <= now)
        {
            throw new RequestValidationException("publishAt", "The publication time is in the past; publish now instead, or choose a later time.");
        }

        if (expireAt <= publishAt)
        {
            throw new RequestValidationException("expireAt", "The expiry must be after the publication time.");
        }

        PublishAt = publishAt;
        ExpireAt = expireAt;
        Status = AnnouncementStatus.Scheduled;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Publishes now.</summary>
    /// <returns>The events to put in the outbox.</returns>
    /// <exception cref="ConflictException">Not a draft or scheduled announcement.</exception>
    /// <exception cref="ForbiddenException">It needs an approval it does not have.</exception>
    public IReadOnlyList<IIntegrationEvent> PublishNow(DateTimeOffset? expireAt, ContentActor actor, DateTimeOffset now)
    {
        EnsureCanGoOut(actor);
        if (expireAt <= now)
        {
            throw new RequestValidationException("expireAt", "The expiry must be in the future.");
        }

        ExpireAt = expireAt ?? ExpireAt;
        return Publish(now);
    }

    /// <summary>Publishes a scheduled announcement whose time has come (the scheduler calls this).</summary>
    public IReadOnlyList<IIntegrationEvent> PublishScheduled(DateTimeOffset now) =>
        Status == AnnouncementStatus.Scheduled && PublishAt <= now
            ? Publish(now)
            : throw new ConflictException($"The announcement is {Status} and not due.");

    /// <summary>Ends the listing of a published announcement whose expire-at has passed (the scheduler calls this).</summary>
    public void ExpireIfDue(DateTimeOffset now)
    {
        if (Status == AnnouncementStatus.Published && ExpireAt <= now)
        {
            Status = AnnouncementStatus.Expired;
            ExpiredAt = now;
            UpdatedAt = now;
            Version++;
        }
    }

    /// <summary>The scheduler is done with the row: it is free for the next due change (an expiry soon after the publication) at once.</summary>
    public void EndLease()
    {
        LockedUntil = null;
        LockOwner = null;
    }

    /// <summary>A later alert updated or cancelled this one: it is no longer active.</summary>
    public void SupersedeBy(Guid alertId, DateTimeOffset now)
    {
        SupersededBy = alertId;
        if (Status == AnnouncementStatus.Published)
        {
            Status = AnnouncementStatus.Expired;
            ExpiredAt = now;
        }

        UpdatedAt = now;
        Version++;
    }

    /// <summary>Takes it down (any state but Archived).</summary>
    /// <exception cref="ConflictException">It is archived already.</exception>
    public void Archive(DateTimeOffset now)
    {
        if (Status == AnnouncementStatus.Archived)
        {
            throw new ConflictException("The announcement is archived already.");
        }

        Status = AnnouncementStatus.Archived;
        ArchivedAt = now;
        UpdatedAt = now;
        Version++;
    }

    private List<IIntegrationEvent> Publish(DateTimeOffset now)
    {
        Status = AnnouncementStatus.Published;
        PublishedAt = now;
        PublishAt ??= now;
        UpdatedAt = now;
        Version++;
        var events = new List<IIntegrationEvent>
        {
            new AnnouncementPublishedIntegrationEvent(Guid.CreateVersion7(now), now, Id, Kind.ToString(), Title, Categories, Summary, Slug),
        };
        if (Content.Alert is { } alert)
        {
            var area = string.Join("; ", alert.Areas.Select(a => a.Description));
            var regionalKeys = alert.Areas.SelectMany(a => a.Geocodes).Where(g => g.ValueName is "ARS" or "AGS").Select(g => g.Value).ToList();
            events.Add(alert.MsgType switch
            {
                "Update" => new AlertUpdatedIntegrationEvent(Guid.CreateVersion7(now), now, Id, alert.References, Title, alert.Severity, alert.Urgency, area, regionalKeys, alert.Expires, Slug),
                "Cancel" => new AlertCancelledIntegrationEvent(Guid.CreateVersion7(now), now, Id, alert.References, Title, area, regionalKeys, Slug),
                _ => new AlertIssuedIntegrationEvent(Guid.CreateVersion7(now), now, Id, Title, alert.Severity, alert.Urgency, area, regionalKeys, alert.Expires, Slug),
            });
        }

        return events;
    }

    private void EnsureCanGoOut(ContentActor actor)
    {
        if (Status is not (AnnouncementStatus.Draft or AnnouncementStatus.Scheduled))
        {
            throw new ConflictException($"The announcement is {Status}; only a draft or scheduled announcement can be published.");
        }

        if (!NeedsApproval || IsApproved)
        {
            return;
        }

        if (Kind == AnnouncementKind.Alert && actor.IsCrisisManager)
        {
            // Break-glass: the crisis team may warn at once; an Approver reviews afterwards.
            BreakGlass = true;
            return;
        }

        throw new ForbiddenException(Kind == AnnouncementKind.Alert
            ? "An alert needs an Approver's approval before it goes out, unless a CrisisManager issues it (break-glass)."
            : "An official notice needs an Approver's approval before it goes out (four-eyes principle).");
    }

    private void ClearApproval()
    {
        ApprovedAt = null;
        ApprovedBySubject = null;
        ApprovedByName = null;
    }

    private void SetContent(AnnouncementContent content, IEnumerable<string> categories, DateTimeOffset now)
    {
        Content = content;
        var german = content.German;
        Title = german.Title;
        Summary = german.Summary;
        Languages = [.. content.Variants.Select(v => v.Language)];
        Categories = [.. categories.Distinct(StringComparer.Ordinal)];
        SearchText = string.Join("\n", content.Variants.SelectMany(v => new[] { v.Title, v.Summary, v.BodyMarkdown })).ToLowerInvariant();
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>Who acts on announcements, with the roles that matter here.</summary>
internal sealed record ContentActor(string Subject, string Name, bool IsEditor, bool IsApprover, bool IsCrisisManager);
