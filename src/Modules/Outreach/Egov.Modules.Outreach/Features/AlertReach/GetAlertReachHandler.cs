using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.AlertReach;

/// <summary>
/// An alert's reach: the deliveries of its crisis posts per channel (variants of a post not yet
/// planned into deliveries count as pending) and its app pushes, as the Mobile module counts them
/// (<see cref="GetAlertPushReachQuery"/>).
/// </summary>
internal sealed class GetAlertReachHandler(OutreachDbContext db, ISender sender, TimeProvider time) : IQueryHandler<GetAlertReachQuery, Contracts.AlertReach>
{
    public async ValueTask<Contracts.AlertReach> Handle(GetAlertReachQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        var posts = db.Posts.IgnoreAutoIncludes().Where(p => p.AlertId == query.AlertId).Select(p => p.Id);
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => posts.Contains(d.PostId))
            .GroupBy(d => new { d.PostId, d.ChannelId, d.Status })
            .Select(g => new { g.Key.PostId, g.Key.ChannelId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var planned = deliveries.Select(d => d.PostId).ToHashSet();
        var unplanned = await db.PostVariants.AsNoTracking()
            .Where(v => posts.Contains(v.PostId))
            .Select(v => new { v.PostId, v.ChannelId })
            .ToListAsync(cancellationToken);
        var channelIds = deliveries.Select(d => d.ChannelId).Concat(unplanned.Select(v => v.ChannelId)).Distinct().ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Kind }).ToListAsync(cancellationToken);
        var reach = channels
            .Select(c => new AlertChannelReach(
                c.Name,
                c.Kind,
                Sent: deliveries.Where(d => d.ChannelId == c.Id && d.Status == DeliveryStatus.Sent).Sum(d => d.Count),
                Failed: deliveries.Where(d => d.ChannelId == c.Id && d.Status is DeliveryStatus.Failed or DeliveryStatus.Uncertain or DeliveryStatus.Cancelled).Sum(d => d.Count),
                Pending: deliveries.Where(d => d.ChannelId == c.Id && d.Status is DeliveryStatus.Pending or DeliveryStatus.Sending).Sum(d => d.Count)
                    + unplanned.Count(v => v.ChannelId == c.Id && !planned.Contains(v.PostId))))
            .OrderBy(c => c.ChannelName, StringComparer.CurrentCulture)
            .ToList();

        var push = await sender.Send(new GetAlertPushReachQuery(query.AlertId), cancellationToken);
        return new Contracts.AlertReach(query.AlertId, reach, new AlertPushReach(push.Sent, push.Failed, push.Pending), now);
    }
}
