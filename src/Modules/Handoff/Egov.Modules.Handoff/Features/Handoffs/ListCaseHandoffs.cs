using Egov.Modules.Handoff.Contracts;
using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// Answers <see cref="GetCaseHandoffsQuery"/> (the staff API and the staff case page of Forms): what was
/// handed off where and when for one case, oldest first; a pull entry is <c>Acknowledged</c> once its
/// target's cursor passed its position.
/// </summary>
internal sealed class ListCaseHandoffsHandler(HandoffDbContext db) : IQueryHandler<GetCaseHandoffsQuery, IReadOnlyList<CaseHandoff>>
{
    public async ValueTask<IReadOnlyList<CaseHandoff>> Handle(GetCaseHandoffsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.ApplicationId == query.CaseId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

        // A case not handed off anywhere and a case of another department look the same: no list.
        if (rows.Count > 0 && !StaffMember.Covers(query.Departments, query.IsAdministrator, rows[0].Department))
        {
            throw new NotFoundException($"There is no case {query.CaseId}.");
        }

        var targets = rows.Where(r => r.Kind == HandoffTargetKind.Pull).Select(r => r.TargetKey).Distinct().ToList();
        var cursors = await db.FeedCursors.AsNoTracking().Where(c => targets.Contains(c.TargetKey)).ToDictionaryAsync(c => c.TargetKey, c => c.AcknowledgedPosition, cancellationToken);
        return rows.ConvertAll(r => new CaseHandoff(
            r.Id, r.TargetKey, r.Kind.ToString(), r.EventId, r.EventType,
            r.Kind == HandoffTargetKind.Pull && r.Position <= cursors.GetValueOrDefault(r.TargetKey) ? CaseHandoffStates.Acknowledged : r.Status.ToString(),
            r.Attempts, r.CreatedAt, r.LastAttemptAt, r.NextAttemptAt, r.SentAt, r.LastError, PushErrors.KindOf(r.LastError),
            CanResend: r.Kind == HandoffTargetKind.Push && r.Status != HandoffStatus.Pending));
    }
}
