using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// The counts of an alert's push jobs. Pending pushes are the audience devices after a running
/// job's stored cursor, so sent + failed + pending is the audience.
/// </summary>
internal sealed class GetAlertPushReachHandler(MobileDbContext db) : IQueryHandler<GetAlertPushReachQuery, AlertPushCounts>
{
    public async ValueTask<AlertPushCounts> Handle(GetAlertPushReachQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var jobs = await db.PushJobs.AsNoTracking().Where(j => j.AlertId == query.AlertId).ToListAsync(cancellationToken);
        var pending = 0;
        foreach (var job in jobs.Where(j => j.CompletedAt is null))
        {
            var regions = await PushFanOut.Audience(db, job, job.Cursor).Select(d => d.Regions).ToListAsync(cancellationToken);
            pending += regions.Count(r => RegionalKey.Matches(r, job.RegionalKeys));
        }

        return new AlertPushCounts(jobs.Sum(j => j.Sent), jobs.Sum(j => j.Failed + j.Pruned), pending);
    }
}
