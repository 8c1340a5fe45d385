using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>
/// Publishes scheduled announcements when their time has come and expires published ones, once,
/// even with several host instances: each run claims the due rows with
/// <c>FOR UPDATE SKIP LOCKED</c> (PostgreSQL) inside one transaction, so two instances never take
/// the same row, and the events go to the outbox in that transaction.
/// </summary>
internal sealed partial class AnnouncementScheduler(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<AnnouncementOptions> options, ILogger<AnnouncementScheduler> logger) : BackgroundService
{
    /// <summary>Rows handled per run.</summary>
    private const int BatchSize = 100;

    /// <summary>One run: publishes what is due and expires what has run out; returns how many changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await Due(db, now).ToListAsync(cancellationToken);
        foreach (var announcement in due)
        {
            if (announcement.Status == AnnouncementStatus.Scheduled)
            {
                foreach (var integrationEvent in announcement.PublishScheduled(now))
                {
                    db.AddIntegrationEvent(integrationEvent);
                }

                await AlertSupersession.ApplyAsync(db, announcement, now, cancellationToken);

                LogPublished(logger, announcement.Id, announcement.PublishAt);
            }

            announcement.ExpireIfDue(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SchedulerInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static IQueryable<Announcement> Due(AnnouncementsDbContext db, DateTimeOffset now)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite (zero-setup, one instance): the file lock serialises writers.
            return db.Announcements.Where(a =>
                    (a.Status == AnnouncementStatus.Scheduled && a.PublishAt <= now)
                    || (a.Status == AnnouncementStatus.Published && a.ExpireAt <= now))
                .OrderBy(a => a.Id).Take(BatchSize);
        }

        return db.Announcements.FromSql($"""
            SELECT * FROM announcements.announcements
            WHERE (status = 'Scheduled' AND publish_at <= {now}) OR (status = 'Published' AND expire_at <= {now})
            ORDER BY id
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scheduled announcement {AnnouncementId} (due {PublishAt})")]
    private static partial void LogPublished(ILogger logger, Guid announcementId, DateTimeOffset? publishAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Announcement scheduler run failed; it tries again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
