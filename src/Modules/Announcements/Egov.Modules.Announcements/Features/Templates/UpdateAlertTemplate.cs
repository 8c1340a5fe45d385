using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Mediator;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>A new revision of a template (Editor or CrisisManager); drops the approval.</summary>
internal sealed record UpdateAlertTemplateCommand(ContentActor Actor, Guid Id, int? IfMatch, AlertTemplateInput? Input) : ICommand<AlertTemplateView>;

/// <summary>Writes a new revision of a crisis template; the approval of the old one no longer counts.</summary>
internal sealed class UpdateAlertTemplateHandler(AnnouncementsDbContext db, TimeProvider time)
    : ICommandHandler<UpdateAlertTemplateCommand, AlertTemplateView>
{
    public async ValueTask<AlertTemplateView> Handle(UpdateAlertTemplateCommand command, CancellationToken cancellationToken)
    {
        TemplateAccess.EnsureMayWrite(command.Actor);
        var template = await db.FindTemplateForChangeAsync(command.Id, command.IfMatch, cancellationToken);
        var (name, content) = AlertTemplateValidator.Validate(command.Input);
        template.Edit(name, content, command.Actor, time.GetUtcNow());
        await db.SaveTemplateChangeAsync(cancellationToken);
        return AlertTemplateView.From(template);
    }
}
