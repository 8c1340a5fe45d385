using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>An Approver approves (four eyes), or reviews a break-glass alert after the fact.</summary>
internal sealed record ApproveAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch) : ICommand<AnnouncementEditorView>;

/// <summary>An Approver approves an official notice or alert (not their own: four eyes), or reviews a break-glass alert.</summary>
internal sealed class ApproveAnnouncementHandler(AnnouncementsDbContext db, TimeProvider time)
    : ICommandHandler<ApproveAnnouncementCommand, AnnouncementEditorView>
{
    public async ValueTask<AnnouncementEditorView> Handle(ApproveAnnouncementCommand command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsApprover)
        {
            throw new ForbiddenException("Approving needs the Approver role (press office).");
        }

        var announcement = await db.FindForChangeAsync(command.Id, command.IfMatch, cancellationToken);
        if (!announcement.NeedsApproval)
        {
            throw new ConflictException($"{announcement.Kind} needs no approval; publish or schedule it directly.");
        }

        announcement.Approve(command.Actor, time.GetUtcNow());
        await db.SaveChangeAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }
}
