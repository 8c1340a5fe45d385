using System.Globalization;
using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Retention;

/// <summary>
/// Deletes finished deliveries <see cref="OutreachRetentionOptions.DeliveryLogDays"/> after their last activity (GDPR
/// Art. 5(1)(e) storage limitation: a delivery names the citizen's post it answered and keeps what the platform said).
/// The posts stay, with their history: they are the city's own words.
/// </summary>
/// <remarks>
/// Multi-instance safe: deliveries are claimed with a lease (<see cref="LeaseClaim"/>, PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>); the delete takes only rows this claim still holds and that are still finished and
/// old — a delivery retried by hand meanwhile is Pending (and then the delivery engine's), so it stays. A finished
/// delivery is never claimed by the engine, which takes Pending ones and Sending ones whose lease ran out.
/// </remarks>
internal sealed partial class DeliveryLogRetention : LeasedWorker<Delivery>
{
    private static readonly DeliveryStatus[] Finished = [DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Uncertain, DeliveryStatus.Cancelled];

    private readonly IServiceScopeFactory _scopes;
    private readonly OutreachRetentionOptions _options;
    private readonly LeaseQuery<Delivery> _due;
    private readonly ILogger<DeliveryLogRetention> _logger;

    public DeliveryLogRetention(
        IServiceScopeFactory scopes, IOptions<OutreachRetentionOptions> options, WorkSignal<DeliveryLogRetention> signal, TimeProvider time, ILogger<DeliveryLogRetention> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
        var age = TimeSpan.FromDays(_options.DeliveryLogDays);

        // A validated integer of the configuration, not input; LeaseClaim gives the condition one parameter (@now).
        var days = _options.DeliveryLogDays.ToString(CultureInfo.InvariantCulture);
        _due = new LeaseQuery<Delivery>(
            "deliveries",
            $"status IN ('Sent', 'Failed', 'Uncertain', 'Cancelled') AND coalesce(sent_at, last_attempt_at, created_at) < @now - interval '{days} days'",
            "created_at, id",
            (rows, now) => rows.Where(d => Finished.Contains(d.Status) && (d.SentAt ?? d.LastAttemptAt ?? d.CreatedAt) < now - age),
            rows => rows.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id));
    }

    /// <inheritdoc />
    protected override bool Enabled => _options.Enabled;

    /// <inheritdoc />
    protected override int ClaimSize => _options.BatchSize;

    /// <inheritdoc />
    protected override TimeSpan LeaseDuration => _options.LeaseDuration;

    /// <inheritdoc />
    protected override TimeSpan PollInterval(WorkLane lane) => _options.PollInterval;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<Delivery>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        return await LeaseClaim.ClaimAsync(db, db.Schema, _due, limit, lease, cancellationToken);
    }

    /// <summary>Nothing per delivery: the claimed batch is deleted at once in <see cref="CompleteAsync"/>.</summary>
    protected override Task ProcessAsync(Delivery item, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    protected override async Task CompleteAsync(IReadOnlyList<Delivery> items, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var now = Time.GetUtcNow();
        var before = now - TimeSpan.FromDays(_options.DeliveryLogDays);
        var ids = items.Select(d => d.Id).ToList();
        var deleted = await db.Deliveries
            .Where(d => ids.Contains(d.Id) && d.LockOwner == Owner && d.LockedUntil >= now
                && Finished.Contains(d.Status) && (d.SentAt ?? d.LastAttemptAt ?? d.CreatedAt) < before)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(deleted, _options.DeliveryLogDays);
        }
    }

    [LoggerMessage(EventId = 852, Level = LogLevel.Information, Message = "Delivery log retention: {Count} finished deliveries older than {Days} days deleted")]
    private partial void LogDeleted(int count, int days);
}
