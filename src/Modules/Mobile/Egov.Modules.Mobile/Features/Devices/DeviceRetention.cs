using System.Globalization;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>
/// Deletes device registrations not seen for <see cref="DeviceRetentionOptions.InactiveDeviceDays"/> (GDPR Art. 5(1)(e)
/// storage limitation: an endpoint, a language and topics — with a subject when registered signed in — of a device the
/// app has not started on for months), their topics with them (topics are columns of the row).
/// </summary>
/// <remarks>
/// Multi-instance safe: registrations are claimed with a lease (<see cref="LeaseClaim"/>, PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>), and the delete takes only rows still held by this claim and still inactive — a
/// device registered again meanwhile (the app started) stays, and an instance whose lease ran out deletes nothing.
/// </remarks>
internal sealed partial class DeviceRetention : LeasedWorker<Device>
{
    private readonly IServiceScopeFactory _scopes;
    private readonly DeviceRetentionOptions _options;
    private readonly LeaseQuery<Device> _due;
    private readonly ILogger<DeviceRetention> _logger;

    public DeviceRetention(IServiceScopeFactory scopes, IOptions<DeviceRetentionOptions> options, WorkSignal<DeviceRetention> signal, TimeProvider time, ILogger<DeviceRetention> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _options = options.Value;
        var inactive = TimeSpan.FromDays(_options.InactiveDeviceDays);

        // A validated integer of the configuration, not input; LeaseClaim gives the condition one parameter (@now).
        var days = _options.InactiveDeviceDays.ToString(CultureInfo.InvariantCulture);
        _due = new LeaseQuery<Device>(
            "devices",
            $"updated_at < @now - interval '{days} days'",
            "updated_at, id",
            (rows, now) => rows.Where(d => d.UpdatedAt < now - inactive),
            rows => rows.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id));
        _logger = logger;
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
    protected override async Task<IReadOnlyList<Device>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        return await LeaseClaim.ClaimAsync(db, db.Schema, _due, limit, lease, cancellationToken);
    }

    /// <summary>Nothing per device: the claimed batch is deleted at once in <see cref="CompleteAsync"/>.</summary>
    protected override Task ProcessAsync(Device item, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    protected override async Task CompleteAsync(IReadOnlyList<Device> items, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        var now = Time.GetUtcNow();
        var before = now - TimeSpan.FromDays(_options.InactiveDeviceDays);
        var ids = items.Select(d => d.Id).ToList();
        var deleted = await db.Devices
            .Where(d => ids.Contains(d.Id) && d.LockOwner == Owner && d.LockedUntil >= now && d.UpdatedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(deleted, _options.InactiveDeviceDays);
        }
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "Device retention: {Count} registrations not seen for {Days} days deleted with their topics")]
    private partial void LogDeleted(int count, int days);
}
