using System.Diagnostics;
using System.Security.Cryptography;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>
/// Sends approved posts: turns due scheduled posts into one delivery per variant, claims due
/// deliveries (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so any number of hosts can run it on one
/// database and each delivery is claimed by one of them), attempts them through the platform
/// adapters, records the outcome, and sets each post's state once all its deliveries ended.
/// Two lanes: a crisis lane that plans and claims only crisis posts and deliveries (alert fan-out,
/// break-glass), and a general lane that takes crisis work first, then the rest by due time — a
/// round of slow routine deliveries never stands between an alert and its channels.
/// </summary>
/// <remarks>
/// A claim is a lease: a worker that dies after sending but before recording leaves the delivery
/// Sending; when the lease runs out another worker repeats the attempt with the same idempotency
/// key, which the adapters turn into "found, already published" rather than a second post.
/// Recording is guarded by the attempt counter (a concurrency token): a worker whose lease was
/// taken over cannot overwrite the newer attempt's result.
/// </remarks>
internal sealed partial class DeliveryEngine : LeasedWorker<DeliveryEngine.ClaimedDelivery>
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<DeliveryOptions> _options;
    private readonly IOptions<OutreachOptions> _outreachOptions;
    private readonly DeliveryMetrics _metrics;
    private readonly ILogger<DeliveryEngine> _logger;

    public DeliveryEngine(
        IServiceScopeFactory scopes,
        TimeProvider time,
        IOptions<DeliveryOptions> options,
        IOptions<OutreachOptions> outreachOptions,
        WorkSignal<DeliveryEngine> signal,
        DeliveryMetrics metrics,
        ILogger<DeliveryEngine> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _options = options;
        _outreachOptions = outreachOptions;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>A delivery claimed for one attempt: its id, its post and the attempt number the claim gave it.</summary>
    internal sealed record ClaimedDelivery(Guid Id, Guid PostId, int Attempts);

    /// <summary>This worker's name as it appears in <c>lock_owner</c>.</summary>
    public string Worker => Owner;

    protected override bool Enabled => _options.Value.Enabled;

    /// <summary>The crisis lane plans and claims only crisis posts and deliveries; the general lane takes crisis work first, then the rest.</summary>
    protected override IReadOnlyList<WorkLane> Lanes { get; } = [WorkLane.Priority, WorkLane.General];

    protected override int ClaimSize => _options.Value.BatchSize;

    protected override int MaxParallelism => _options.Value.MaxParallelism;

    protected override TimeSpan LeaseDuration => _options.Value.Lease;

    /// <summary>One round of the general lane: plan due posts, claim and attempt due deliveries (crisis first), complete posts.</summary>
    /// <returns>The number of deliveries attempted.</returns>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(crisisOnly: false, cancellationToken);

    /// <summary>One round, of the crisis lane only when <paramref name="crisisOnly"/>.</summary>
    /// <returns>The number of deliveries attempted.</returns>
    public Task<int> RunOnceAsync(bool crisisOnly, CancellationToken cancellationToken) =>
        RunOnceAsync(crisisOnly ? WorkLane.Priority : WorkLane.General, cancellationToken);

    protected override TimeSpan PollInterval(WorkLane lane) => _options.Value.PollInterval;

    /// <summary>Plans the lane's due posts into deliveries, then claims due deliveries (crisis first).</summary>
    protected override async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        var crisisOnly = lane == WorkLane.Priority;
        await PlanDuePostsAsync(crisisOnly, cancellationToken);

        // The deliveries just planned are due at the planning instant, after the lease was taken.
        var now = Time.GetUtcNow();
        return await ClaimDeliveriesAsync(crisisOnly, limit, lease with { Now = now, Until = now + LeaseDuration }, cancellationToken);
    }

    protected override Task ProcessAsync(ClaimedDelivery item, CancellationToken cancellationToken) =>
        AttemptAsync(item.Id, item.Attempts, cancellationToken);

    /// <summary>Sets the state of each post whose deliveries all ended.</summary>
    protected override async Task CompleteAsync(IReadOnlyList<ClaimedDelivery> items, CancellationToken cancellationToken)
    {
        foreach (var postId in items.Select(i => i.PostId).Distinct())
        {
            await CompletePostAsync(postId, cancellationToken);
        }
    }

    private async Task PlanDuePostsAsync(bool crisisOnly, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var now = Time.GetUtcNow();
        var hold = _outreachOptions.Value.HoldPostsDuringAlerts && await db.ActiveAlerts.AnyAsync(a => a.Expires > now, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await DuePosts(db, now, hold, crisisOnly, _options.Value.BatchSize).IgnoreAutoIncludes().ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var ids = due.Select(p => p.Id).ToList();
        var variants = await db.PostVariants.Where(v => ids.Contains(v.PostId)).ToListAsync(cancellationToken);
        var channelIds = variants.Select(v => v.ChannelId).Distinct().ToList();
        var channels = await db.Channels.Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var replies = await ReplyTargetsAsync(db, due, cancellationToken);
        foreach (var post in due)
        {
            foreach (var variant in variants.Where(v => v.PostId == post.Id))
            {
                var channel = channels.GetValueOrDefault(variant.ChannelId);
                var delivery = Delivery.Create(post.Id, variant.Id, variant.ChannelId, channel?.Kind ?? "unknown", post.IsCrisis,
                    replies.GetValueOrDefault((post.Id, variant.ChannelId)) ?? variant.ReplyToPlatformId, now, now);
                if (channel is null || !channel.Accepts(post.Id))
                {
                    delivery.Cancel();
                }

                db.Deliveries.Add(delivery);
            }

            post.StartPublishing(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPlanned(due.Count);
    }

    /// <summary>For alert follow-ups: the platform id of the alert post they update, per channel.</summary>
    private static async Task<Dictionary<(Guid PostId, Guid ChannelId), string>> ReplyTargetsAsync(OutreachDbContext db, List<Post> due, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(Guid, Guid), string>();
        foreach (var post in due.Where(p => p.ReplyToAlertId is not null))
        {
            var sent = await db.Deliveries
                .Where(d => d.Status == DeliveryStatus.Sent && d.PlatformId != null && db.Posts.Any(p => p.Id == d.PostId && p.AlertId == post.ReplyToAlertId))
                .Select(d => new { d.ChannelId, d.PlatformId })
                .ToListAsync(cancellationToken);
            foreach (var d in sent)
            {
                result[(post.Id, d.ChannelId)] = d.PlatformId!;
            }
        }

        return result;
    }

    /// <summary>
    /// Deliveries are claimed through their domain (<see cref="Delivery.Claim"/>: Sending, attempt
    /// counted) on rows locked with <c>FOR UPDATE SKIP LOCKED</c>, not with <see cref="LeaseClaim"/>:
    /// the claim is a state change of the delivery, not only a lease.
    /// </summary>
    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimDeliveriesAsync(bool crisisOnly, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await DueDeliveries(db, lease.Now, crisisOnly, limit).ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            delivery.Claim(lease.Owner, lease.Now, lease.Until);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. due.Select(d => new ClaimedDelivery(d.Id, d.PostId, d.Attempts))];
    }

    private async Task AttemptAsync(Guid deliveryId, int attempt, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OutreachDbContext>();
        var delivery = await db.Deliveries.FirstAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery.LockOwner != Owner || delivery.Attempts != attempt)
        {
            return; // our lease ran out and another worker took the delivery over
        }

        var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == delivery.ChannelId, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var outcome = await SendAsync(services, db, delivery, channel, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var now = Time.GetUtcNow();
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Sent:
                delivery.MarkSent(outcome.PlatformId, outcome.Url, outcome.HttpStatus, now);
                _metrics.Sent(channel.Kind, channel.Name, elapsed, now - (await DueAtAsync(db, delivery, cancellationToken)));
                break;
            case DeliveryOutcomeKind.Retry:
                delivery.ScheduleRetry(outcome.Error ?? "Retry", outcome.HttpStatus, now + NextDelay(delivery.Attempts, outcome.RetryAfter), _options.Value.MaxAttempts);
                if (delivery.Status == DeliveryStatus.Failed)
                {
                    _metrics.Failed(channel.Kind, channel.Name, elapsed);
                }
                else
                {
                    _metrics.Retry(channel.Kind, channel.Name, elapsed);
                }

                break;
            case DeliveryOutcomeKind.Uncertain:
                delivery.MarkUncertain(outcome.Error ?? "Uncertain", outcome.HttpStatus, outcome.PlatformId);
                _metrics.Uncertain(channel.Kind, channel.Name, elapsed);
                break;
            default:
                delivery.MarkFailed(outcome.Error ?? "Failed", outcome.HttpStatus);
                _metrics.Failed(channel.Kind, channel.Name, elapsed);
                break;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogAttempt(delivery.Id, channel.Name, delivery.Attempts, delivery.Status, outcome.Error);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogTakenOver(delivery.Id);
        }
    }

    private async Task<DeliveryOutcome> SendAsync(IServiceProvider services, OutreachDbContext db, Delivery delivery, Channel channel, CancellationToken cancellationToken)
    {
        var adapter = services.GetServices<IChannelAdapter>().FirstOrDefault(a => a.Kind == channel.Kind);
        if (adapter is null)
        {
            return DeliveryOutcome.Failed($"No adapter delivers to {channel.Kind} channels.");
        }

        IReadOnlyDictionary<string, string> credentials;
        try
        {
            credentials = channel.ProtectedCredentials is null ? new Dictionary<string, string>() : services.GetRequiredService<ChannelCredentialProtector>().Unprotect(channel.ProtectedCredentials);
        }
        catch (CryptographicException)
        {
            return DeliveryOutcome.Failed("The channel's credentials cannot be decrypted (data-protection key missing); an administrator enters them again.");
        }

        var variant = await db.PostVariants.AsNoTracking().FirstAsync(v => v.Id == delivery.VariantId, cancellationToken);
        var mediaIds = variant.Media.Select(m => m.MediaId).ToList();
        var media = mediaIds.Count == 0 ? [] : await db.PostMedia.AsNoTracking().Where(m => mediaIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var message = new OutboundMessage(
            delivery.Id,
            delivery.IdempotencyKey,
            new ChannelEndpoint(channel.Id, channel.Kind, channel.Name, channel.Address, channel.Account, credentials),
            OutboundText.Compose(variant.Text, variant.Link, variant.Hashtags),
            variant.Link,
            variant.Language,
            variant.ContentWarning,
            [.. variant.Media.Where(m => media.ContainsKey(m.MediaId)).Select(m => new OutboundMedia(media[m.MediaId].FileName, media[m.MediaId].ContentType, media[m.MediaId].Content, m.AltText, m.MediaId))],
            delivery.ReplyTo,
            delivery.Attempts,
            delivery.Crisis)
        {
            Checkpoint = delivery.Checkpoint,
            SaveCheckpoint = (checkpoint, ct) => SaveCheckpointAsync(delivery.Id, delivery.Attempts, checkpoint, ct),
        };
        try
        {
            return await adapter.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An adapter defect or an unexpected transport error: try again later with the same key.
            LogAdapterThrew(e, delivery.Id, channel.Name);
            return DeliveryOutcome.Retry($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Writes an attempt's checkpoint at once, while this worker still holds the delivery for that attempt.</summary>
    private async Task SaveCheckpointAsync(Guid deliveryId, int attempt, string checkpoint, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        await db.Deliveries
            .Where(d => d.Id == deliveryId && d.LockOwner == Owner && d.Attempts == attempt)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Checkpoint, checkpoint), cancellationToken);
    }

    private static async Task<DateTimeOffset> DueAtAsync(OutreachDbContext db, Delivery delivery, CancellationToken cancellationToken) =>
        await db.Posts.Where(p => p.Id == delivery.PostId).Select(p => p.PublishAt).FirstOrDefaultAsync(cancellationToken) ?? delivery.CreatedAt;

    private async Task CompletePostAsync(Guid postId, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var states = await db.Deliveries.Where(d => d.PostId == postId).Select(d => d.Status).ToListAsync(cancellationToken);
        if (!Post.AllEnded(states))
        {
            return;
        }

        var post = await db.Posts.IgnoreAutoIncludes().FirstAsync(p => p.Id == postId, cancellationToken);
        post.CompleteIfDelivered(states, Time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another worker completed it at the same moment.
        }
    }

    private TimeSpan NextDelay(int attempts, TimeSpan? retryAfter)
    {
        var jittered = Backoff.Delay(attempts, _options.Value.RetryBaseDelay, _options.Value.RetryMaxDelay, minFactor: 0.8, maxFactor: 1.2);
        return retryAfter is { } after && after > jittered ? after : jittered;
    }

    private static IQueryable<Post> DuePosts(OutreachDbContext db, DateTimeOffset now, bool hold, bool crisisOnly, int batch)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite (zero-setup, one instance): the file lock serialises writers.
            return db.Posts.Where(p => p.Status == PostStatus.Scheduled && p.PublishAt <= now && (p.IsCrisis || (!hold && !crisisOnly)))
                .OrderByDescending(p => p.IsCrisis).ThenBy(p => p.PublishAt).Take(batch);
        }

        return db.Posts.FromSql($"""
            SELECT * FROM outreach.posts
            WHERE status = 'Scheduled' AND publish_at <= {now} AND (is_crisis OR NOT ({hold} OR {crisisOnly}))
            ORDER BY is_crisis DESC, publish_at
            LIMIT {batch}
            FOR UPDATE SKIP LOCKED
            """);
    }

    private static IQueryable<Delivery> DueDeliveries(OutreachDbContext db, DateTimeOffset now, bool crisisOnly, int batch)
    {
        if (!db.Database.IsNpgsql())
        {
            return db.Deliveries.Where(d => ((d.Status == DeliveryStatus.Pending && d.DueAt <= now) || (d.Status == DeliveryStatus.Sending && d.LockedUntil < now)) && (d.Crisis || !crisisOnly))
                .OrderByDescending(d => d.Crisis).ThenBy(d => d.DueAt).Take(batch);
        }

        return db.Deliveries.FromSql($"""
            SELECT * FROM outreach.deliveries
            WHERE ((status = 'Pending' AND due_at <= {now}) OR (status = 'Sending' AND locked_until < {now})) AND (crisis OR NOT {crisisOnly})
            ORDER BY crisis DESC, due_at
            LIMIT {batch}
            FOR UPDATE SKIP LOCKED
            """);
    }

    [LoggerMessage(EventId = 810, Level = LogLevel.Information, Message = "Delivery engine started {Count} due post(s)")]
    private partial void LogPlanned(int count);

    [LoggerMessage(EventId = 811, Level = LogLevel.Information, Message = "Delivery {DeliveryId} to {Channel}, attempt {Attempt}: {Status} {Error}")]
    private partial void LogAttempt(Guid deliveryId, string channel, int attempt, DeliveryStatus status, string? error);

    [LoggerMessage(EventId = 812, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was taken over by another worker after this one's lease ran out; its result is not recorded here")]
    private partial void LogTakenOver(Guid deliveryId);

    [LoggerMessage(EventId = 813, Level = LogLevel.Error, Message = "The adapter threw on delivery {DeliveryId} to {Channel}; it will be tried again")]
    private partial void LogAdapterThrew(Exception exception, Guid deliveryId, string channel);

}
