using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>
/// The editorial workflow: write, edit or correct, approve, publish or schedule, archive. Every
/// change needs the ETag last read (<c>If-Match</c>); of two changes at once one wins, the other
/// gets 412.
/// </summary>
internal sealed class AuthoringHandlers(AnnouncementsDbContext db, AnnouncementContentFactory factory, TimeProvider time) :
    ICommandHandler<CreateAnnouncementCommand, AnnouncementEditorView>,
    ICommandHandler<UpdateAnnouncementCommand, AnnouncementEditorView>,
    ICommandHandler<ApproveAnnouncementCommand, AnnouncementEditorView>,
    ICommandHandler<PublishAnnouncementCommand, AnnouncementEditorView>,
    ICommandHandler<ScheduleAnnouncementCommand, AnnouncementEditorView>,
    ICommandHandler<ArchiveAnnouncementCommand, AnnouncementEditorView>,
    IQueryHandler<GetAnnouncementForEditingQuery, AnnouncementEditorView>,
    IQueryHandler<ListAnnouncementsForEditingQuery, CursorPage<AnnouncementEditorSummary>>
{
    public async ValueTask<AnnouncementEditorView> Handle(CreateAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<AnnouncementKind>(command.Input.Kind);
        EnsureMayWrite(command.Actor, kind);
        var content = factory.Create(command.Input);
        var slug = string.IsNullOrEmpty(command.Input.Slug) ? await FreeSlugAsync(AnnouncementContentFactory.Slugify(content.German.Title), cancellationToken) : command.Input.Slug;
        if (await db.Announcements.AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            throw new RequestValidationException("slug", $"The slug '{slug}' is taken; choose another.");
        }

        var announcement = Announcement.CreateDraft(kind, slug, content, command.Input.Categories ?? [], command.Actor, time.GetUtcNow());
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }

    public async ValueTask<AnnouncementEditorView> Handle(UpdateAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var announcement = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        if (!(announcement.Status == AnnouncementStatus.Published && announcement.NeedsApproval && command.Actor.IsApprover))
        {
            // A published official notice is corrected by the press office (Approver), which answers for it.
            EnsureMayWrite(command.Actor, announcement.Kind);
        }

        if (command.Input.Kind != announcement.Kind.ToString())
        {
            throw new RequestValidationException("kind", $"The kind of an announcement does not change (it is {announcement.Kind}); write a new one instead.");
        }

        var content = factory.Create(command.Input);
        var now = time.GetUtcNow();
        if (announcement.Status == AnnouncementStatus.Published)
        {
            if (string.IsNullOrWhiteSpace(command.CorrectionNote))
            {
                throw new RequestValidationException("correctionNote", "A published announcement is corrected with a note that readers see (what changed and why).");
            }

            db.AnnouncementRevisions.Add(announcement.Correct(content, command.Input.Categories ?? [], command.CorrectionNote.Trim(), command.Actor, now));
        }
        else
        {
            announcement.Edit(content, command.Input.Categories ?? [], now);
        }

        await SaveAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }

    public async ValueTask<AnnouncementEditorView> Handle(ApproveAnnouncementCommand command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsApprover)
        {
            throw new ForbiddenException("Approving needs the Approver role (press office).");
        }

        var announcement = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        if (!announcement.NeedsApproval)
        {
            throw new ConflictException($"{announcement.Kind} needs no approval; publish or schedule it directly.");
        }

        announcement.Approve(command.Actor, time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }

    public async ValueTask<AnnouncementEditorView> Handle(PublishAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var announcement = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        EnsureMayRelease(command.Actor, announcement.Kind);
        var now = time.GetUtcNow();
        var expireAt = BerlinLocalTime.Parse(command.ExpireAt, "expireAt");
        await Alerts.AlertRules.EnsureAsync(db, announcement, now, cancellationToken);
        foreach (var integrationEvent in announcement.PublishNow(expireAt, command.Actor, now))
        {
            db.AddIntegrationEvent(integrationEvent);
        }

        await Alerts.AlertSupersession.ApplyAsync(db, announcement, now, cancellationToken);
        await SaveAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }

    public async ValueTask<AnnouncementEditorView> Handle(ScheduleAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var announcement = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        EnsureMayRelease(command.Actor, announcement.Kind);
        var publishAt = BerlinLocalTime.Parse(command.PublishAt, "publishAt")
            ?? throw new RequestValidationException("publishAt", "Give the publication time (Europe/Berlin), e.g. 2026-12-01T08:00.");
        var expireAt = BerlinLocalTime.Parse(command.ExpireAt, "expireAt");
        await Alerts.AlertRules.EnsureAsync(db, announcement, publishAt, cancellationToken);
        announcement.Schedule(publishAt, expireAt, command.Actor, time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }

    public async ValueTask<AnnouncementEditorView> Handle(ArchiveAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var announcement = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        EnsureMayRelease(command.Actor, announcement.Kind);
        announcement.Archive(time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }

    public async ValueTask<AnnouncementEditorView> Handle(GetAnnouncementForEditingQuery query, CancellationToken cancellationToken) =>
        EnsureMayRead(query.Actor) ?? AnnouncementEditorView.From(await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no announcement {query.Id}."));

    public async ValueTask<CursorPage<AnnouncementEditorSummary>> Handle(ListAnnouncementsForEditingQuery query, CancellationToken cancellationToken)
    {
        EnsureMayRead(query.Actor);
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var list = db.Announcements.AsNoTracking();
        if (query.Status is { } status)
        {
            list = list.Where(a => a.Status == status);
        }

        if (query.Kind is { } kind)
        {
            list = list.Where(a => a.Kind == kind);
        }

        if (query.BreakGlass is { } breakGlass)
        {
            list = breakGlass ? list.Where(a => a.BreakGlass && a.ReviewedAt == null) : list.Where(a => !a.BreakGlass || a.ReviewedAt != null);
        }

        if (after is not null)
        {
            list = list.Where(a => a.UpdatedAt < after.UpdatedAt || (a.UpdatedAt == after.UpdatedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await list.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(limit + 1)
            .Select(a => new AnnouncementEditorSummary(a.Id, a.Slug, a.Kind.ToString(), a.Status.ToString(), a.Title,
                a.Kind == AnnouncementKind.OfficialNotice || a.Kind == AnnouncementKind.Alert, a.ApprovedAt != null, a.BreakGlass, a.PublishAt, a.PublishedAt, a.UpdatedAt))
            .ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;
        return new CursorPage<AnnouncementEditorSummary>(items, rows.Count > limit ? Cursor.Encode(new Position(items[^1].UpdatedAt, items[^1].Id)) : null);
    }

    /// <summary>Drafts and the review list are for the editorial roles (Editor, Approver, CrisisManager) only.</summary>
    /// <returns>Always null (so it can stand in an expression).</returns>
    private static AnnouncementEditorView? EnsureMayRead(ContentActor actor) =>
        actor.IsEditor || actor.IsApprover || actor.IsCrisisManager
            ? null
            : throw new ForbiddenException("Drafts and the editorial lists are for editors, the press office and the crisis team.");

    /// <summary>Editors write everything; a CrisisManager writes alerts.</summary>
    private static void EnsureMayWrite(ContentActor actor, AnnouncementKind kind)
    {
        if (!actor.IsEditor && !(kind == AnnouncementKind.Alert && actor.IsCrisisManager))
        {
            throw new ForbiddenException(kind == AnnouncementKind.Alert
                ? "Writing alerts needs the Editor or CrisisManager role."
                : "Writing announcements needs the Editor role.");
        }
    }

    /// <summary>Editors and Approvers publish, schedule and archive; a CrisisManager alerts.</summary>
    private static void EnsureMayRelease(ContentActor actor, AnnouncementKind kind)
    {
        if (!actor.IsEditor && !actor.IsApprover && !(kind == AnnouncementKind.Alert && actor.IsCrisisManager))
        {
            throw new ForbiddenException("Publishing needs the Editor or Approver role (alerts: also CrisisManager).");
        }
    }

    /// <summary>
    /// CAP 1.2 rules that depend on the time of sending and on other alerts: sent ≤ onset &lt; expires;
    /// an Update or Cancel references published alerts.
    /// </summary>
    private async Task<Announcement> FindAsync(Guid id, int? ifMatch, CancellationToken cancellationToken)
    {
        var announcement = await db.Announcements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no announcement {id}.");
        if (ifMatch is null)
        {
            throw new PreconditionRequiredException("Changes need an If-Match header with the announcement's ETag as you last read it.");
        }

        return ifMatch == announcement.Version
            ? announcement
            : throw new PreconditionFailedException("The announcement changed since you read it; read it again, check the change, then retry.");
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("The announcement was changed by someone else at the same time; read it again, then retry.");
        }
    }

    private async Task<string> FreeSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var candidate = slug;
        for (var n = 2; await db.Announcements.AnyAsync(a => a.Slug == candidate, cancellationToken); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    internal sealed record Position(DateTimeOffset UpdatedAt, Guid Id);
}
