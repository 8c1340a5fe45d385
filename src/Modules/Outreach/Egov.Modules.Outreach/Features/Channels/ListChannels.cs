using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>Every channel, by name; only the enabled or disabled ones when <paramref name="Enabled"/> is given.</summary>
internal sealed record ListChannelsQuery(bool? Enabled) : IQuery<IReadOnlyList<ChannelView>>;

internal sealed class ListChannelsHandler(OutreachDbContext db) : IQueryHandler<ListChannelsQuery, IReadOnlyList<ChannelView>>
{
    public async ValueTask<IReadOnlyList<ChannelView>> Handle(ListChannelsQuery query, CancellationToken cancellationToken)
    {
        var channels = db.Channels.AsNoTracking();
        if (query.Enabled is { } enabled)
        {
            channels = channels.Where(c => c.Enabled == enabled);
        }

        return [.. (await channels.OrderBy(c => c.Name).ToListAsync(cancellationToken)).Select(ChannelView.From)];
    }
}
