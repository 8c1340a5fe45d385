using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Paging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>Deliveries, newest first, by post, channel and state, with a cursor (<c>GET /api/v1/outreach/deliveries</c>).</summary>
internal sealed record ListDeliveriesQuery(OutreachActor Actor, Guid? PostId, Guid? ChannelId, DeliveryStatus? Status, string? Cursor, int? Limit) : IQuery<CursorPage<DeliveryView>>;

internal sealed class ListDeliveriesValidator : AbstractValidator<ListDeliveriesQuery>
{
    public ListDeliveriesValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}

internal sealed class ListDeliveriesHandler(OutreachDbContext db) : IQueryHandler<ListDeliveriesQuery, CursorPage<DeliveryView>>
{
    private sealed record Position(DateTimeOffset CreatedAt, Guid Id);

    public async ValueTask<CursorPage<DeliveryView>> Handle(ListDeliveriesQuery query, CancellationToken cancellationToken)
    {
        DeliveryAccess.EnsureStaff(query.Actor);
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
}
