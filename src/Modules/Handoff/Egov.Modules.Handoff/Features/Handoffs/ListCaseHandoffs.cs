using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>What was handed off where and when for one case, oldest first (staff of the case's department).</summary>
internal sealed record ListCaseHandoffsQuery(StaffMember Staff, Guid CaseId) : IQuery<IReadOnlyList<HandoffView>>;

/// <summary>One hand-off as staff see it.</summary>
/// <param name="Id">Id of the hand-off (for a re-send).</param>
/// <param name="Target">The target's key.</param>
/// <param name="Kind"><c>Push</c> or <c>Pull</c>.</param>
/// <param name="EventId">The CloudEvent id.</param>
/// <param name="EventType">The CloudEvent type.</param>
/// <param name="Status"><c>Pending</c>, <c>Failed</c> (retrying), <c>Sent</c>, <c>Parked</c> (push); <c>Queued</c>, <c>Acknowledged</c> (pull).</param>
/// <param name="Attempts">Push attempts so far.</param>
/// <param name="CreatedAt">When it was handed off (UTC).</param>
/// <param name="LastAttemptAt">Last push attempt (UTC).</param>
/// <param name="NextAttemptAt">Next push attempt (UTC), while one is due.</param>
/// <param name="SentAt">When the receiver accepted it (UTC).</param>
/// <param name="LastError">What went wrong last.</param>
internal sealed record HandoffView(
    Guid Id, string Target, string Kind, Guid EventId, string EventType, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

internal sealed class ListCaseHandoffsHandler(HandoffDbContext db) : IQueryHandler<ListCaseHandoffsQuery, IReadOnlyList<HandoffView>>
{
    public async ValueTask<IReadOnlyList<HandoffView>> Handle(ListCaseHandoffsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.ApplicationId == query.CaseId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

        // A case not handed off anywhere and a case of another department look the same: no list.
        if (rows.Count > 0 && !query.Staff.Covers(rows[0].Department))
        {
            throw new NotFoundException($"There is no case {query.CaseId}.");
        }

        var targets = rows.Where(r => r.Kind == HandoffTargetKind.Pull).Select(r => r.TargetKey).Distinct().ToList();
        var cursors = await db.FeedCursors.AsNoTracking().Where(c => targets.Contains(c.TargetKey)).ToDictionaryAsync(c => c.TargetKey, c => c.AcknowledgedPosition, cancellationToken);
        return rows.ConvertAll(r => new HandoffView(
            r.Id, r.TargetKey, r.Kind.ToString(), r.EventId, r.EventType,
            r.Kind == HandoffTargetKind.Pull && r.Position <= cursors.GetValueOrDefault(r.TargetKey) ? "Acknowledged" : r.Status.ToString(),
            r.Attempts, r.CreatedAt, r.LastAttemptAt, r.NextAttemptAt, r.SentAt, r.LastError));
    }
}
