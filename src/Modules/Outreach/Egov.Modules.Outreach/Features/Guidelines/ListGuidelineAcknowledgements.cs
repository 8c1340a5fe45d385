using Egov.Modules.Outreach.Domain.Guidelines;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>Who acknowledged a version, and when, in order.</summary>
internal sealed record ListGuidelineAcknowledgementsQuery(int Version) : IQuery<IReadOnlyList<GuidelineAcknowledgementView>>;

internal sealed class ListGuidelineAcknowledgementsHandler(OutreachDbContext db) : IQueryHandler<ListGuidelineAcknowledgementsQuery, IReadOnlyList<GuidelineAcknowledgementView>>
{
    public async ValueTask<IReadOnlyList<GuidelineAcknowledgementView>> Handle(ListGuidelineAcknowledgementsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Guidelines.AnyAsync(g => g.Version == query.Version, cancellationToken))
        {
            throw new NotFoundException($"There is no guideline version {query.Version}.");
        }

        var rows = await db.GuidelineAcknowledgements.AsNoTracking().Where(a => a.GuidelineVersion == query.Version)
            .Select(a => new GuidelineAcknowledgementView(a.Subject, a.Name, a.AcknowledgedAt)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(a => a.AcknowledgedAt)];
    }
}
