using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>Every configured channel with its data-protection facts, by kind and name, for the record of processing.</summary>
internal sealed class ListChannelProcessingHandler(OutreachDbContext db) : IQueryHandler<ListChannelProcessingQuery, IReadOnlyList<ChannelProcessing>>
{
    public async ValueTask<IReadOnlyList<ChannelProcessing>> Handle(ListChannelProcessingQuery query, CancellationToken cancellationToken) =>
        await db.Channels.AsNoTracking()
            .OrderBy(c => c.Kind).ThenBy(c => c.Name)
            .Select(c => new ChannelProcessing(c.Kind, c.Name, c.Enabled, c.CrisisCapable, c.OwningUnit, c.AssessmentDone, c.AssessedOn, c.JointControllershipNote))
            .ToListAsync(cancellationToken);
}
