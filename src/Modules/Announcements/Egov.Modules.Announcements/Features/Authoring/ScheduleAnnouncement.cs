using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;
using Mediator;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Schedules the publication; times in Europe/Berlin local time.</summary>
internal sealed record ScheduleAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch, string PublishAt, string? ExpireAt) : ICommand<AnnouncementEditorView>;

/// <summary>Schedules the publication for the scheduler (<see cref="AnnouncementScheduler"/>).</summary>
internal sealed class ScheduleAnnouncementHandler(AnnouncementsDbContext db, TimeProvider time)
    : ICommandHandler<ScheduleAnnouncementCommand, AnnouncementEditorView>
{
    public async ValueTask<AnnouncementEditorView> Handle(ScheduleAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var announcement = await db.FindForChangeAsync(command.Id, command.IfMatch, cancellationToken);
        EditorialAccess.EnsureMayRelease(command.Actor, announcement.Kind);
        var publishAt = BerlinLocalTime.Parse(command.PublishAt, "publishAt")
            ?? throw new RequestValidationException("publishAt", "Give the publication time (Europe/Berlin), e.g. 2026-12-01T08:00.");
        var expireAt = BerlinLocalTime.Parse(command.ExpireAt, "expireAt");
        await AlertRules.EnsureAsync(db, announcement, publishAt, cancellationToken);
        announcement.Schedule(publishAt, expireAt, command.Actor, time.GetUtcNow());
        await db.SaveChangeAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }
}
