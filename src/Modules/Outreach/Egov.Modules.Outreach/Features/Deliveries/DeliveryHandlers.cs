using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Deliveries;

internal sealed record ListDeliveriesQuery(OutreachActor Actor, Guid? PostId, Guid? ChannelId, DeliveryStatus? Status, string? Cursor, int? Limit) : IQuery<CursorPage<DeliveryView>>;

internal sealed record RetryDeliveryCommand(OutreachActor Actor, Guid Id) : ICommand<DeliveryView>;

internal sealed record ConfirmDeliveryCommand(OutreachActor Actor, Guid Id, ConfirmDeliveryInput Input) : ICommand<DeliveryView>;

internal sealed record CancelDeliveryCommand(OutreachActor Actor, Guid Id) : ICommand<DeliveryView>;

internal sealed record GetChannelReportQuery(OutreachActor Actor, DateTimeOffset? From, DateTimeOffset? To) : IQuery<ChannelReport>;

/// <summary>Deliveries as people see and steer them: the list, manual retry, confirmation of an uncertain one, cancel; and the channel report.</summary>
internal sealed class DeliveryHandlers(OutreachDbContext db, WorkSignal<DeliveryEngine> signal, TimeProvider time) :
    IQueryHandler<ListDeliveriesQuery, CursorPage<DeliveryView>>,
    ICommandHandler<RetryDeliveryCommand, DeliveryView>,
    ICommandHandler<ConfirmDeliveryCommand, DeliveryView>,
    ICommandHandler<CancelDeliveryCommand, DeliveryView>,
    IQueryHandler<GetChannelReportQuery, ChannelReport>
{
    private record Position(DateTimeOffset CreatedAt, Guid Id);

    public async ValueTask<CursorPage<DeliveryView>> Handle(ListDeliveriesQuery query, CancellationToken cancellationToken)
    {
        EnsureStaff(query.Actor);
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var deliveries = db.Deliveries.AsNoTracking();
        if (query.PostId is { } postId)
        {
            deliveries = deliveries.Where(d => d.PostId == postId);
        }

        if (query.ChannelId is { } channelId)
        {
            deliveries = deliveries.Where(d => d.ChannelId == channelId);
        }

        if (query.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        if (after is not null)
        {
            deliveries = deliveries.Where(d => d.CreatedAt < after.CreatedAt || (d.CreatedAt == after.CreatedAt && d.Id.CompareTo(after.Id) < 0));
        }

        var rows = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;
        return new CursorPage<DeliveryView>([.. items.Select(DeliveryView.From)], rows.Count > limit ? Cursor.Encode(new Position(items[^1].CreatedAt, items[^1].Id)) : null);
    }

    public async ValueTask<DeliveryView> Handle(RetryDeliveryCommand command, CancellationToken cancellationToken)
    {
        EnsureMaySteer(command.Actor);
        var delivery = await FindAsync(command.Id, cancellationToken);
        if (delivery.Status is not (DeliveryStatus.Failed or DeliveryStatus.Uncertain))
        {
            throw new ConflictException($"The delivery is {delivery.Status}; only a failed or uncertain delivery is retried (an uncertain one only after checking the platform).");
        }

        var now = time.GetUtcNow();
        delivery.RetryManually(now);
        var post = await db.Posts.IgnoreAutoIncludes().FirstAsync(p => p.Id == delivery.PostId, cancellationToken);
        if (post.Status != PostStatus.Publishing)
        {
            post.ResumePublishing(command.Actor, now);
        }

        await SaveAsync(cancellationToken);
        signal.NotifyAfterCommit(db);
        return DeliveryView.From(delivery);
    }

    public async ValueTask<DeliveryView> Handle(ConfirmDeliveryCommand command, CancellationToken cancellationToken)
    {
        EnsureMaySteer(command.Actor);
        if (command.Input.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            throw new RequestValidationException("url", "Must be the post's absolute http(s) URL on the platform.");
        }

        var delivery = await FindAsync(command.Id, cancellationToken);
        if (delivery.Status != DeliveryStatus.Uncertain)
        {
            throw new ConflictException($"The delivery is {delivery.Status}; only an uncertain delivery is confirmed as sent.");
        }

        var now = time.GetUtcNow();
        delivery.ConfirmSent(command.Input.Url, now);
        await CompleteAsync(delivery.PostId, delivery, now, cancellationToken);
        await SaveAsync(cancellationToken);
        return DeliveryView.From(delivery);
    }

    public async ValueTask<DeliveryView> Handle(CancelDeliveryCommand command, CancellationToken cancellationToken)
    {
        EnsureMaySteer(command.Actor);
        var delivery = await FindAsync(command.Id, cancellationToken);
        if (delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Sending or DeliveryStatus.Cancelled)
        {
            throw new ConflictException($"The delivery is {delivery.Status}; it cannot be cancelled (a sent post is retracted on the platform).");
        }

        var now = time.GetUtcNow();
        delivery.Cancel();
        await CompleteAsync(delivery.PostId, delivery, now, cancellationToken);
        await SaveAsync(cancellationToken);
        return DeliveryView.From(delivery);
    }

    public async ValueTask<ChannelReport> Handle(GetChannelReportQuery query, CancellationToken cancellationToken)
    {
        EnsureStaff(query.Actor);
        // Clients may send any offset (2026-03-29T02:30+01:00); PostgreSQL's timestamptz takes UTC only.
        var to = query.To?.ToUniversalTime() ?? time.GetUtcNow();
        var from = query.From?.ToUniversalTime() ?? to.AddDays(-30);
        if (from >= to)
        {
            throw new RequestValidationException("from", "Must be before `to`.");
        }

        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.CreatedAt >= from && d.CreatedAt < to && d.Status != DeliveryStatus.Cancelled)
            .Select(d => new { d.ChannelId, d.Status, d.DueAt, d.SentAt, d.Favourites, d.Boosts, d.Replies })
            .ToListAsync(cancellationToken);
        var rows = channels.Select(c =>
        {
            var mine = deliveries.Where(d => d.ChannelId == c.Id).ToList();
            var sent = mine.Count(d => d.Status == DeliveryStatus.Sent);
            var failed = mine.Count(d => d.Status == DeliveryStatus.Failed);
            var uncertain = mine.Count(d => d.Status == DeliveryStatus.Uncertain);
            var finished = sent + failed + uncertain;
            var latencies = mine.Where(d => d.SentAt is not null).Select(d => (d.SentAt!.Value - d.DueAt).TotalSeconds).Order().ToList();
            var engaged = mine.Where(d => d.Favourites is not null).ToList();
            return new ChannelReportRow(c.Id, c.Name, c.Kind, c.Enabled, mine.Count, sent, failed, uncertain,
                finished == 0 ? null : (double)(failed + uncertain) / finished,
                latencies.Count == 0 ? null : latencies[latencies.Count / 2],
                engaged.Count == 0 ? null : engaged.Sum(d => d.Favourites!.Value),
                engaged.Count == 0 ? null : engaged.Sum(d => d.Boosts ?? 0),
                engaged.Count == 0 ? null : engaged.Sum(d => d.Replies ?? 0));
        }).ToList();
        return new ChannelReport(from, to, rows);
    }

    private async Task CompleteAsync(Guid postId, Delivery changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var others = await db.Deliveries.Where(d => d.PostId == postId && d.Id != changed.Id).Select(d => d.Status).ToListAsync(cancellationToken);
        var states = others.Append(changed.Status).ToList();
        if (!Post.AllEnded(states))
        {
            return;
        }

        var post = await db.Posts.IgnoreAutoIncludes().FirstAsync(p => p.Id == postId, cancellationToken);
        post.CompleteIfDelivered(states, now);
    }

    private async Task<Delivery> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException($"There is no delivery {id}.");

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The delivery changed while you acted on it (a worker attempted it); read it again.");
        }
    }

    private static void EnsureStaff(OutreachActor actor)
    {
        if (!(actor.IsEditor || actor.IsApprover || actor.IsCrisisManager || actor.IsAdministrator))
        {
            throw new ForbiddenException("Deliveries are for the Editor, Approver, CrisisManager and Administrator roles.");
        }
    }

    private static void EnsureMaySteer(OutreachActor actor)
    {
        if (!(actor.IsEditor || actor.IsApprover || actor.IsCrisisManager))
        {
            throw new ForbiddenException("Deliveries are retried, confirmed or cancelled by Editors, Approvers or CrisisManagers.");
        }
    }
}
