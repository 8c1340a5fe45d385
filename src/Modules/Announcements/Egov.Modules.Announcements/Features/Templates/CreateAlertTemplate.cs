using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Mediator;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>Writes a template (Editor or CrisisManager); revision 1, not approved.</summary>
internal sealed record CreateAlertTemplateCommand(ContentActor Actor, AlertTemplateInput? Input) : ICommand<AlertTemplateView>;

/// <summary>Writes a crisis template in peacetime (revision 1; approved later under four eyes, <see cref="FourEyes"/>).</summary>
internal sealed class CreateAlertTemplateHandler(AnnouncementsDbContext db, TimeProvider time)
    : ICommandHandler<CreateAlertTemplateCommand, AlertTemplateView>
{
    public async ValueTask<AlertTemplateView> Handle(CreateAlertTemplateCommand command, CancellationToken cancellationToken)
    {
        TemplateAccess.EnsureMayWrite(command.Actor);
        var (name, content) = AlertTemplateValidator.Validate(command.Input);
        var template = AlertTemplate.Create(name, content, command.Actor, time.GetUtcNow());
        db.AlertTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return AlertTemplateView.From(template);
    }
}
