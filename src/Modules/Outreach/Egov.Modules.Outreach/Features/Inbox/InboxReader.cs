using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Inbox;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>
/// Reads every enabled channel whose kind has an <see cref="IInboxSource"/> into the staff inbox, each every
/// <see cref="InboxOptions.PollInterval"/>. A channel's read is claimed with a lease on its <see cref="InboxCursor"/>
/// (<see cref="LeaseClaim"/>: PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>), so any number of host instances share the work
/// and one channel is read by one of them at a time; an item is stored once per channel and platform id (a unique
/// index), so even a read repeated after a lease ran out imports nothing twice.
/// </summary>
internal sealed partial class InboxReader : LeasedWorker<InboxCursor>
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<InboxOptions> _options;
    private readonly ILogger<InboxReader> _logger;

    public InboxReader(IServiceScopeFactory scopes, TimeProvider time, IOptions<InboxOptions> options, WorkSignal<InboxReader> signal, ILogger<InboxReader> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _options = options;
        _logger = logger;
    }

    private static readonly LeaseQuery<InboxCursor> Due = new(
        "inbox_cursors",
        "due_at <= @now",
        "due_at, id",
        (cursors, now) => cursors.Where(c => c.DueAt <= now),
        cursors => cursors.OrderBy(c => c.DueAt).ThenBy(c => c.Id));

    protected override bool Enabled => _options.Value.Enabled;

    protected override int ClaimSize => 10;

    protected override TimeSpan LeaseDuration => _options.Value.Lease;

    protected override TimeSpan PollInterval(WorkLane lane) => _options.Value.PollInterval;

    /// <summary>One round: reads the due channels. Safe from several instances at once.</summary>
    /// <returns>The number of channels read.</returns>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) => RunOnceAsync(WorkLane.General, cancellationToken);

    protected override async Task<IReadOnlyList<InboxCursor>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        await AddMissingCursorsAsync(scope.ServiceProvider, db, lease.Now, cancellationToken);
        return await LeaseClaim.ClaimAsync(db, OutreachDbContext.SchemaName, Due, limit, lease, cancellationToken);
    }

    protected override async Task ProcessAsync(InboxCursor item, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OutreachDbContext>();
        var now = Time.GetUtcNow();
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == item.Id, cancellationToken);
        var source = channel is null ? null : services.GetServices<IChannelAdapter>().OfType<IInboxSource>().FirstOrDefault(s => s.Kind == channel.Kind);
        string? position = item.Position;
        string? error = null;
        if (channel is { Enabled: true } && source is not null)
        {
            try
            {
                var credentials = channel.ProtectedCredentials is null ? new Dictionary<string, string>() : services.GetRequiredService<ChannelCredentialProtector>().Unprotect(channel.ProtectedCredentials);
                var endpoint = new ChannelEndpoint(channel.Id, channel.Kind, channel.Name, channel.Address, channel.Account, credentials);
                var since = now - _options.Value.CommentWindow;
                var ownPosts = await db.Deliveries
                    .Where(d => d.ChannelId == channel.Id && d.Status == DeliveryStatus.Sent && d.PlatformId != null && d.SentAt >= since)
                    .OrderByDescending(d => d.SentAt)
                    .Select(d => d.PlatformId!)
                    .Take(_options.Value.CommentPosts)
                    .ToListAsync(cancellationToken);
                var batch = await source.ReadInboxAsync(endpoint, item.Position, ownPosts, cancellationToken);
                var imported = await ImportAsync(db, channel.Id, channel.Kind, batch.Items, now, cancellationToken);
                position = batch.Position;
                LogRead(channel.Name, batch.Items.Count, imported);
            }
            catch (Exception e) when (e is PlatformUnavailableException or System.Security.Cryptography.CryptographicException)
            {
                error = e.Message;
                LogReadFailed(channel.Name, e.Message);
            }
        }

        var owner = Owner;
        var next = now + _options.Value.PollInterval;
        await db.InboxCursors.Where(c => c.Id == item.Id && c.LockOwner == owner).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Position, position)
            .SetProperty(c => c.DueAt, next)
            .SetProperty(c => c.LastReadAt, now)
            .SetProperty(c => c.LastError, error)
            .SetProperty(c => c.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(c => c.LockOwner, (string?)null), cancellationToken);
    }

    /// <summary>Stores the items not stored yet; returns how many were new.</summary>
    private static async Task<int> ImportAsync(OutreachDbContext db, Guid channelId, string kind, IReadOnlyList<InboundItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.PlatformItemId).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.InboxItems.Where(i => i.ChannelId == channelId && ids.Contains(i.PlatformItemId)).Select(i => i.PlatformItemId).ToListAsync(cancellationToken);
        var fresh = items.Where(i => !known.Contains(i.PlatformItemId)).DistinctBy(i => i.PlatformItemId)
            .Select(i => InboxItem.Import(channelId, kind, i.PlatformItemId, i.ReplyTarget, i.Kind, i.InReplyTo, Cut(i.AuthorHandle, 300), i.AuthorName is null ? null : Cut(i.AuthorName, 300), Cut(i.Text, 20_000), i.Url, i.PublishedAt, now))
            .ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        db.InboxItems.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another reader stored some of them meanwhile (the unique index refused): store the rest one by one.
            db.ChangeTracker.Clear();
            var stored = 0;
            foreach (var item in fresh)
            {
                db.InboxItems.Add(item);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    stored++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }

            return stored;
        }
    }

    /// <summary>A cursor for every channel whose kind has an inbox; a race with another instance leaves one (primary key).</summary>
    private static async Task AddMissingCursorsAsync(IServiceProvider services, OutreachDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kinds = services.GetServices<IChannelAdapter>().OfType<IInboxSource>().Select(s => s.Kind).ToList();
        var missing = await db.Channels.Where(c => kinds.Contains(c.Kind) && !db.InboxCursors.Any(cursor => cursor.Id == c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in missing)
        {
            db.InboxCursors.Add(InboxCursor.For(id, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(EventId = 831, Level = LogLevel.Debug, Message = "Inbox of {Channel}: {Read} items read, {Imported} new")]
    private partial void LogRead(string channel, int read, int imported);

    [LoggerMessage(EventId = 832, Level = LogLevel.Warning, Message = "Inbox of {Channel} could not be read: {Error}")]
    private partial void LogReadFailed(string channel, string error);
}
