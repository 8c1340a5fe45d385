using Egov.Modules.Outreach.Domain.Deliveries;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>
/// Per channel over a period (default the last 30 days): posts, deliveries, failures, median latency, engagement, inbox
/// volume and median response time, and the age of the data-protection assessment — the council's channel review
/// (<c>GET /api/v1/outreach/channels/report</c>, as PDF <c>…/report.pdf</c>, page <c>/staff/outreach/review</c>).
/// </summary>
internal sealed record GetChannelReportQuery(OutreachActor Actor, DateTimeOffset? From, DateTimeOffset? To) : IQuery<ChannelReport>;

internal sealed class GetChannelReportHandler(OutreachDbContext db, TimeProvider time) : IQueryHandler<GetChannelReportQuery, ChannelReport>
{

    public async ValueTask<ChannelReport> Handle(GetChannelReportQuery query, CancellationToken cancellationToken)
    {
        DeliveryAccess.EnsureStaff(query.Actor);
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
            .Select(d => new { d.ChannelId, d.PostId, d.Status, d.DueAt, d.SentAt, d.Favourites, d.Boosts, d.Replies })
            .ToListAsync(cancellationToken);
        var items = await db.InboxItems.AsNoTracking()
            .Where(i => i.PublishedAt >= from && i.PublishedAt < to)
            .Select(i => new { i.ChannelId, i.PublishedAt, i.AnswerPostId })
            .ToListAsync(cancellationToken);
        var answerIds = items.Where(i => i.AnswerPostId is not null).Select(i => i.AnswerPostId!.Value).Distinct().ToList();
        var answersSent = (await db.Deliveries.AsNoTracking()
                .Where(d => answerIds.Contains(d.PostId) && d.Status == DeliveryStatus.Sent && d.SentAt != null)
                .Select(d => new { d.PostId, d.SentAt })
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.PostId)
            .ToDictionary(g => g.Key, g => g.Min(d => d.SentAt!.Value));
        var endDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, CivilTime.Berlin).DateTime);
        var rows = channels.Select(c =>
        {
            var mine = deliveries.Where(d => d.ChannelId == c.Id).ToList();
            var sent = mine.Count(d => d.Status == DeliveryStatus.Sent);
            var failed = mine.Count(d => d.Status == DeliveryStatus.Failed);
            var uncertain = mine.Count(d => d.Status == DeliveryStatus.Uncertain);
            var finished = sent + failed + uncertain;
            var latencies = mine.Where(d => d.SentAt is not null).Select(d => (d.SentAt!.Value - d.DueAt).TotalSeconds).Order().ToList();
            var engaged = mine.Where(d => d.Favourites is not null).ToList();
            var inbox = items.Where(i => i.ChannelId == c.Id).ToList();
            var responses = inbox
                .Where(i => i.AnswerPostId is { } answer && answersSent.ContainsKey(answer))
                .Select(i => (answersSent[i.AnswerPostId!.Value] - i.PublishedAt).TotalHours)
                .Order()
                .ToList();
            return new ChannelReportRow(c.Id, c.Name, c.Kind, c.Enabled, mine.Count, sent, failed, uncertain,
                finished == 0 ? null : (double)(failed + uncertain) / finished,
                latencies.Count == 0 ? null : latencies[latencies.Count / 2],
                engaged.Count == 0 ? null : engaged.Sum(d => d.Favourites!.Value),
                engaged.Count == 0 ? null : engaged.Sum(d => d.Boosts ?? 0),
                engaged.Count == 0 ? null : engaged.Sum(d => d.Replies ?? 0),
                mine.Select(d => d.PostId).Distinct().Count(),
                inbox.Count,
                inbox.Count(i => i.AnswerPostId is not null),
                responses.Count == 0 ? null : responses[responses.Count / 2],
                c.AssessmentDone ? c.AssessedOn : null,
                c.AssessmentDone && c.AssessedOn is { } assessed ? endDate.DayNumber - assessed.DayNumber : null,
                c.RetiredAt);
        }).ToList();
        return new ChannelReport(from, to, rows);
    }
}
