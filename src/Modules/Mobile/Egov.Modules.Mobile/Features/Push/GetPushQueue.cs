using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>The pending push jobs per priority, alert lane first.</summary>
internal sealed class GetPushQueueHandler(MobileDbContext db) : IQueryHandler<GetPushQueueQuery, IReadOnlyList<PushQueueLane>>
{
    public async ValueTask<IReadOnlyList<PushQueueLane>> Handle(GetPushQueueQuery query, CancellationToken cancellationToken)
    {
        var lanes = new List<PushQueueLane>(2);
        foreach (var (priority, name) in new[] { (PushPriority.Alert, "alert"), (PushPriority.Routine, "routine") })
        {
            var pending = db.PushJobs.AsNoTracking().Where(j => j.CompletedAt == null && j.Priority == priority);
            lanes.Add(new PushQueueLane(name,
                await pending.LongCountAsync(cancellationToken),
                await pending.OrderBy(j => j.CreatedAt).Select(j => (DateTimeOffset?)j.CreatedAt).FirstOrDefaultAsync(cancellationToken)));
        }

        return lanes;
    }
}
