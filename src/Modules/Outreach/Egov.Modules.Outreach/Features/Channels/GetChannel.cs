using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>One channel, never its credentials.</summary>
internal sealed record GetChannelQuery(Guid Id) : IQuery<ChannelView>;

internal sealed class GetChannelHandler(OutreachDbContext db) : IQueryHandler<GetChannelQuery, ChannelView>
{
    /// <exception cref="NotFoundException">There is no such channel.</exception>
    public async ValueTask<ChannelView> Handle(GetChannelQuery query, CancellationToken cancellationToken) =>
        ChannelView.From(await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no channel {query.Id}."));
}
