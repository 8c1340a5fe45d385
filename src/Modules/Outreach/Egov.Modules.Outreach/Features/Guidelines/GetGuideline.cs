using Egov.Modules.Outreach.Domain.Guidelines;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Guidelines;

/// <summary>A guideline version (the one in force when none is named), with whether and when the caller acknowledged it.</summary>
internal sealed record GetGuidelineQuery(OutreachActor Actor, int? Version) : IQuery<GuidelineView>;

internal sealed class GetGuidelineHandler(OutreachDbContext db) : IQueryHandler<GetGuidelineQuery, GuidelineView>
{
    public async ValueTask<GuidelineView> Handle(GetGuidelineQuery query, CancellationToken cancellationToken)
    {
        var current = await db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken)
            ?? throw new NotFoundException("No social-media guidelines are published yet.");
        var version = query.Version ?? current;
        var guideline = await db.Guidelines.AsNoTracking().FirstOrDefaultAsync(g => g.Version == version, cancellationToken)
            ?? throw new NotFoundException($"There is no guideline version {version}.");
        var acknowledgedAt = await db.GuidelineAcknowledgements
            .Where(a => a.GuidelineVersion == version && a.Subject == query.Actor.Subject)
            .Select(a => (DateTimeOffset?)a.AcknowledgedAt).FirstOrDefaultAsync(cancellationToken);
        return GuidelineView.From(guideline, current, acknowledgedAt);
    }
}
