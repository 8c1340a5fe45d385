using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>Crisis templates of the staff (Editor, Approver, CrisisManager), by name.</summary>
internal sealed record ListAlertTemplatesQuery(ContentActor Actor) : IQuery<IReadOnlyList<AlertTemplateView>>;

/// <summary>The crisis templates by name, for the editorial roles.</summary>
internal sealed class ListAlertTemplatesHandler(AnnouncementsDbContext db)
    : IQueryHandler<ListAlertTemplatesQuery, IReadOnlyList<AlertTemplateView>>
{
    public async ValueTask<IReadOnlyList<AlertTemplateView>> Handle(ListAlertTemplatesQuery query, CancellationToken cancellationToken)
    {
        TemplateAccess.EnsureMayRead(query.Actor);
        var templates = await db.AlertTemplates.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).Take(500).ToListAsync(cancellationToken);
        return [.. templates.Select(AlertTemplateView.From)];
    }
}
