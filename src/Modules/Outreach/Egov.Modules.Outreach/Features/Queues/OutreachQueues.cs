using System.Diagnostics.Metrics;
using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Queues;

/// <summary>
/// Reads how much push and delivery work waits, per priority, and publishes it as observable gauges
/// (meter <c>Egov.Outreach.Queues</c>): <c>egov.outreach.queue.depth</c> (items) and
/// <c>egov.outreach.queue.oldest_age</c> (seconds), tagged <c>queue</c> (<c>push</c>: pending push
/// jobs; <c>delivery</c>: due deliveries to channels, waiting or being sent) and <c>priority</c>
/// (<c>alert</c>: alert push jobs and crisis deliveries; <c>routine</c>: the rest). The gauges
/// show the last reading, taken every <see cref="QueueOptions.MetricsInterval"/>; the health
/// check reads afresh.
/// </summary>
internal sealed partial class OutreachQueues : BackgroundService
{
    public const string MeterName = "Egov.Outreach.Queues";

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly QueueOptions _options;
    private readonly ILogger<OutreachQueues> _logger;
    private QueueSnapshot _last = QueueSnapshot.Empty;

    public OutreachQueues(IServiceScopeFactory scopes, TimeProvider time, IOptions<QueueOptions> options, IMeterFactory meters, ILogger<OutreachQueues> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _scopes = scopes;
        _time = time;
        _options = options.Value;
        _logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("egov.outreach.queue.depth", () => Measure(l => l.Depth), "{item}", "Push jobs pending, or deliveries due, per queue and priority");
        meter.CreateObservableGauge("egov.outreach.queue.oldest_age", () => Measure(l => l.OldestAge(_time.GetUtcNow()).TotalSeconds), "s", "Wait of the oldest pending item per queue and priority");
    }

    /// <summary>The queues now, straight from the database.</summary>
    public async Task<QueueSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var now = _time.GetUtcNow();
        var lanes = new List<QueueLane>(4);
        // Push jobs belong to the Mobile module; the gauges and the readiness check keep showing both queues.
        foreach (var lane in await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetPushQueueQuery(), cancellationToken))
        {
            lanes.Add(new QueueLane("push", lane.Priority, lane.Depth, lane.OldestSince));
        }

        foreach (var (crisis, name) in new[] { (true, "alert"), (false, "routine") })
        {
            var due = db.Deliveries.AsNoTracking().Where(d => d.Crisis == crisis && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending) && d.DueAt <= now);
            lanes.Add(new QueueLane("delivery", name,
                await due.LongCountAsync(cancellationToken),
                await due.OrderBy(d => d.DueAt).Select(d => (DateTimeOffset?)d.DueAt).FirstOrDefaultAsync(cancellationToken)));
        }

        var snapshot = new QueueSnapshot(now, lanes);
        _last = snapshot;
        return snapshot;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down or not migrated yet; the gauges keep the last reading.
                LogReadFailed(e);
            }

            try
            {
                await Task.Delay(_options.MetricsInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private IEnumerable<Measurement<T>> Measure<T>(Func<QueueLane, T> value)
        where T : struct =>
        _last.Lanes.Select(l => new Measurement<T>(value(l), new KeyValuePair<string, object?>("queue", l.Queue), new KeyValuePair<string, object?>("priority", l.Priority)));

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Could not read the outreach queues for their gauges")]
    private partial void LogReadFailed(Exception exception);
}
