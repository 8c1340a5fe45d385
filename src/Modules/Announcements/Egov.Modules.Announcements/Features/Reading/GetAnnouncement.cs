using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Reading;

/// <summary>One public announcement by id or slug (expired ones stay readable; archived ones are gone).</summary>
internal sealed record GetAnnouncementQuery(string IdOrSlug, string Language) : IQuery<AnnouncementDetail>;

/// <summary>One public announcement by id or slug.</summary>
internal sealed class GetAnnouncementHandler(AnnouncementsDbContext db)
    : IQueryHandler<GetAnnouncementQuery, AnnouncementDetail>
{
    public async ValueTask<AnnouncementDetail> Handle(GetAnnouncementQuery query, CancellationToken cancellationToken)
    {
        var visible = db.Announcements.AsNoTracking().Where(a => a.Status == AnnouncementStatus.Published || a.Status == AnnouncementStatus.Expired);
        var announcement = Guid.TryParse(query.IdOrSlug, out var id)
            ? await visible.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            : await visible.FirstOrDefaultAsync(a => a.Slug == query.IdOrSlug, cancellationToken);
        return announcement is null
            ? throw new NotFoundException($"There is no public announcement '{query.IdOrSlug}'.")
            : AnnouncementDetail.From(announcement, query.Language);
    }
}
