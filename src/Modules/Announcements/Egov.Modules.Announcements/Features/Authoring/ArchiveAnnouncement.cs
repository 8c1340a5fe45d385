using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Mediator;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Takes the announcement down.</summary>
internal sealed record ArchiveAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch) : ICommand<AnnouncementEditorView>;

/// <summary>Takes the announcement down (final).</summary>
internal sealed class ArchiveAnnouncementHandler(AnnouncementsDbContext db, TimeProvider time)
    : ICommandHandler<ArchiveAnnouncementCommand, AnnouncementEditorView>
{
    public async ValueTask<AnnouncementEditorView> Handle(ArchiveAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var announcement = await db.FindForChangeAsync(command.Id, command.IfMatch, cancellationToken);
        EditorialAccess.EnsureMayRelease(command.Actor, announcement.Kind);
        announcement.Archive(time.GetUtcNow());
        await db.SaveChangeAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }
}
