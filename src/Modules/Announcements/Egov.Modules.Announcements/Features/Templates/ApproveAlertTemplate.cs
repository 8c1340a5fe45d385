using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>Approves the current revision (Approver, not its author).</summary>
internal sealed record ApproveAlertTemplateCommand(ContentActor Actor, Guid Id, int? IfMatch) : ICommand<AlertTemplateView>;

/// <summary>An Approver approves the current revision (not their own: <see cref="FourEyes"/>).</summary>
internal sealed class ApproveAlertTemplateHandler(AnnouncementsDbContext db, TimeProvider time)
    : ICommandHandler<ApproveAlertTemplateCommand, AlertTemplateView>
{
    public async ValueTask<AlertTemplateView> Handle(ApproveAlertTemplateCommand command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsApprover)
        {
            throw new ForbiddenException("Approving needs the Approver role (press office).");
        }

        var template = await db.FindTemplateForChangeAsync(command.Id, command.IfMatch, cancellationToken);
        template.Approve(command.Actor, time.GetUtcNow());
        await db.SaveTemplateChangeAsync(cancellationToken);
        return AlertTemplateView.From(template);
    }
}
