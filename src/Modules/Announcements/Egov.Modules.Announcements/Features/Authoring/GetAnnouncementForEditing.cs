using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>One announcement in any state, with workflow details.</summary>
internal sealed record GetAnnouncementForEditingQuery(ContentActor Actor, Guid Id) : IQuery<AnnouncementEditorView>;

/// <summary>One announcement in any state, for the editorial roles.</summary>
internal sealed class GetAnnouncementForEditingHandler(AnnouncementsDbContext db)
    : IQueryHandler<GetAnnouncementForEditingQuery, AnnouncementEditorView>
{
    public async ValueTask<AnnouncementEditorView> Handle(GetAnnouncementForEditingQuery query, CancellationToken cancellationToken) =>
        EditorialAccess.EnsureMayRead(query.Actor) ?? AnnouncementEditorView.From(await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no announcement {query.Id}."));
}
