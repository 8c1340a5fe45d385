using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>Every guideline version, newest first.</summary>
internal sealed record ListGuidelinesQuery : IQuery<IReadOnlyList<GuidelineSummary>>;

internal sealed class ListGuidelinesHandler(OutreachDbContext db) : IQueryHandler<ListGuidelinesQuery, IReadOnlyList<GuidelineSummary>>
{
    public async ValueTask<IReadOnlyList<GuidelineSummary>> Handle(ListGuidelinesQuery query, CancellationToken cancellationToken) =>
        await db.Guidelines.AsNoTracking().OrderByDescending(g => g.Version)
            .Select(g => new GuidelineSummary(g.Version, g.Title, g.ChangeNote, g.PublishedAt, g.PublishedByName))
            .ToListAsync(cancellationToken);
}
