using System.Text.Json;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Handoff.Features.Handoffs;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Hosting;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Handoff.Features.Feed;

/// <summary>
/// One page of a pull target's feed: its events in feed order after <see cref="After"/> (default: the
/// acknowledged position), at most <see cref="Limit"/> (1–100, default 50). Each event given is a read of
/// its case's personal data by the target's service account, recorded in the case's access log (Forms).
/// </summary>
internal sealed record ReadFeedQuery(FeedReader Reader, string Target, long? After, int? Limit) : IQuery<FeedPage>;

/// <summary>A page of the feed.</summary>
/// <param name="Items">The entries in feed order.</param>
/// <param name="Next">The position to read after next (the last item's, or the given one when the page is empty); acknowledge it once the items are processed.</param>
/// <param name="HasMore">Whether more entries follow right now.</param>
/// <param name="Acknowledged">The position acknowledged so far (0: none).</param>
internal sealed record FeedPage(IReadOnlyList<FeedItem> Items, long Next, bool HasMore, long Acknowledged);

/// <summary>One feed entry: its position and the CloudEvent (structured mode; documents as links to download with the same token).</summary>
internal sealed record FeedItem(long Position, JsonElement Event);

internal sealed class ReadFeedValidator : AbstractValidator<ReadFeedQuery>
{
    public ReadFeedValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).OverridePropertyName("after");
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).OverridePropertyName("limit");
    }
}

internal sealed class ReadFeedHandler(HandoffDbContext db, HandoffTargets targets, HandoffEvents events, ISender sender, IOptions<PublicSiteOptions> site)
    : IQueryHandler<ReadFeedQuery, FeedPage>
{
    public async ValueTask<FeedPage> Handle(ReadFeedQuery query, CancellationToken cancellationToken)
    {
        FeedAccess.Authorize(targets, query.Target, query.Reader);
        await FeedSequencer.RunAsync(db, cancellationToken);
        var acknowledged = await db.FeedCursors.AsNoTracking().Where(c => c.TargetKey == query.Target)
            .Select(c => (long?)c.AcknowledgedPosition).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var after = query.After ?? acknowledged;
        var limit = query.Limit ?? 50;
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.TargetKey == query.Target && d.Position > after)
            .OrderBy(d => d.Position)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);

        var items = new List<FeedItem>(Math.Min(rows.Count, limit));
        foreach (var row in rows.Take(limit))
        {
            var record = await sender.Send(new GetCaseRecordQuery(row.ApplicationId, IncludeContent: false), cancellationToken);
            if (record is null)
            {
                continue; // erased meanwhile (retention): its position stays taken, the event is gone
            }

            var cloudEvent = events.Build(row, record, (document, item) => item["href"] = site.Value.Link(
                $"api/v1/handoff/feeds/{Uri.EscapeDataString(query.Target)}/cases/{row.ApplicationId}/documents/{document.Id}").AbsoluteUri);
            items.Add(new FeedItem(row.Position!.Value, HandoffEvents.ToJson(cloudEvent)));
            await sender.Send(new RecordCaseReadCommand(row.ApplicationId, query.Reader.Subject, CaseReads.ServiceAccount(query.Target), CaseReads.Feed(query.Target)), cancellationToken);
        }

        var next = rows.Count == 0 ? after : rows.Take(limit).Last().Position!.Value;
        return new FeedPage(items, next, rows.Count > limit, acknowledged);
    }
}
