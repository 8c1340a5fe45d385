using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>
/// Publishes scheduled announcements when their time has come and expires published ones, once,
/// even with several host instances: the kernel's leased worker (ADR 0020) claims the due rows with
/// a lease (<see cref="LeaseClaim"/>, PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>), and each announcement
/// is then published or expired in a save of its own, its events going to the outbox in that save.
/// </summary>
/// <remarks>
/// The claimed row is read again before it changes: an editor who published, rescheduled or archived
/// it meanwhile wins, and a save that races an editor's fails on the concurrency token (<see cref="Announcement.Version"/>)
/// and is tried again once the lease runs out. A successful save ends the lease, so an expiry soon after
/// the publication is not held back by it.
/// </remarks>
internal sealed partial class AnnouncementScheduler : LeasedWorker<Announcement>
{
    /// <summary>A publication is due from its <c>publish_at</c>, an expiry from its <c>expire_at</c> (both UTC).</summary>
    private static readonly LeaseQuery<Announcement> Due = new(
        "announcements",
        "(status = 'Scheduled' AND publish_at <= @now) OR (status = 'Published' AND expire_at <= @now)",
        "id",
        (rows, now) => rows.Where(a =>
            (a.Status == AnnouncementStatus.Scheduled && a.PublishAt <= now)
            || (a.Status == AnnouncementStatus.Published && a.ExpireAt <= now)),
        rows => rows.OrderBy(a => a.Id));

    private readonly IServiceScopeFactory _scopes;
    private readonly AnnouncementOptions _options;
    private readonly ILogger<AnnouncementScheduler> _logger;

    public AnnouncementScheduler(
        IServiceScopeFactory scopes, IOptions<AnnouncementOptions> options, WorkSignal<AnnouncementScheduler> signal, TimeProvider time, ILogger<AnnouncementScheduler> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override bool Enabled => _options.SchedulerEnabled;

    /// <inheritdoc />
    protected override int ClaimSize => _options.SchedulerBatchSize;

    /// <summary>One publication is one short save; a minute is ample, and a dead instance's rows are free again after it.</summary>
    protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override TimeSpan PollInterval(WorkLane lane) => _options.SchedulerInterval;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<Announcement>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        return await LeaseClaim.ClaimAsync(db, db.Schema, Due, limit, lease, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(Announcement item, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        var now = Time.GetUtcNow();
        var announcement = await db.Announcements.FirstOrDefaultAsync(a => a.Id == item.Id && a.LockOwner == Owner, cancellationToken);
        if (announcement is null)
        {
            // Deleted, or the lease ran out and another instance took it over.
            return;
        }

        var version = announcement.Version;
        if (announcement.Status == AnnouncementStatus.Scheduled && announcement.PublishAt <= now)
        {
            foreach (var integrationEvent in announcement.PublishScheduled(now))
            {
                db.AddIntegrationEvent(integrationEvent);
            }

            await AlertSupersession.ApplyAsync(db, announcement, now, cancellationToken);
            LogPublished(announcement.Id, announcement.PublishAt);
        }

        announcement.ExpireIfDue(now);
        if (announcement.Version == version)
        {
            // Nothing is due any more (an editor rescheduled, published or archived it after the claim): free the row
            // without a save that would race the editor's version.
            await db.Announcements.Where(a => a.Id == item.Id && a.LockOwner == Owner)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.LockedUntil, (DateTimeOffset?)null).SetProperty(a => a.LockOwner, (string?)null), cancellationToken);
            return;
        }

        announcement.EndLease();
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scheduled announcement {AnnouncementId} (due {PublishAt})")]
    private partial void LogPublished(Guid announcementId, DateTimeOffset? publishAt);
}
