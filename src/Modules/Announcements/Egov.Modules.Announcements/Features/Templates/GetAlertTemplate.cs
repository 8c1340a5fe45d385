using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Templates;

internal sealed record GetAlertTemplateQuery(ContentActor Actor, Guid Id) : IQuery<AlertTemplateView>;

/// <summary>One crisis template, for the editorial roles.</summary>
internal sealed class GetAlertTemplateHandler(AnnouncementsDbContext db)
    : IQueryHandler<GetAlertTemplateQuery, AlertTemplateView>
{
    public async ValueTask<AlertTemplateView> Handle(GetAlertTemplateQuery query, CancellationToken cancellationToken)
    {
        TemplateAccess.EnsureMayRead(query.Actor);
        return AlertTemplateView.From(await db.AlertTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no crisis template {query.Id}."));
    }
}
