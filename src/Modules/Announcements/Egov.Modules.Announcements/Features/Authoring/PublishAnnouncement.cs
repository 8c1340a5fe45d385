using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Time;
using Mediator;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Publishes now; <paramref name="ExpireAt"/> in Europe/Berlin local time (optional).</summary>
internal sealed record PublishAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch, string? ExpireAt) : ICommand<AnnouncementEditorView>;

/// <summary>Publishes now: the CAP rules for alerts, the integration events into the outbox, an Update or Cancel supersedes what it references — in one save.</summary>
internal sealed class PublishAnnouncementHandler(AnnouncementsDbContext db, TimeProvider time)
    : ICommandHandler<PublishAnnouncementCommand, AnnouncementEditorView>
{
    public async ValueTask<AnnouncementEditorView> Handle(PublishAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var announcement = await db.FindForChangeAsync(command.Id, command.IfMatch, cancellationToken);
        EditorialAccess.EnsureMayRelease(command.Actor, announcement.Kind);
        var now = time.GetUtcNow();
        var expireAt = BerlinLocalTime.Parse(command.ExpireAt, "expireAt");
        await AlertRules.EnsureAsync(db, announcement, now, cancellationToken);
        foreach (var integrationEvent in announcement.PublishNow(expireAt, command.Actor, now))
        {
            db.AddIntegrationEvent(integrationEvent);
        }

        await AlertSupersession.ApplyAsync(db, announcement, now, cancellationToken);
        await db.SaveChangeAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }
}
