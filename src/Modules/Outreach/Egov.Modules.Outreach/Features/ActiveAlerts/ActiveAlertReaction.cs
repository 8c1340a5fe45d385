using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Domain.Alerts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.ActiveAlerts;

/// <summary>
/// Keeps the list of crisis alerts in force from the Announcements module's events: issued and
/// updating alerts are added, the alerts an update or a cancellation supersedes are removed, and an
/// alert past its expiry no longer counts. One reaction per event (<c>On&lt;Event&gt;.cs</c>);
/// idempotent through the inbox (the outbox delivers at least once).
/// </summary>
internal abstract class ActiveAlertReaction<TEvent>(OutreachDbContext db, TimeProvider time) :
    IntegrationEventHandler<TEvent, OutreachDbContext>(db, time)
    where TEvent : IIntegrationEvent
{
    /// <summary>The inbox key of the events handled so far (the class's name before the split).</summary>
    protected override string InboxName => "ActiveAlertHandlers";

    protected async ValueTask ApplyAsync(
        Guid? alertId, string headline, string severity, DateTimeOffset issuedAt, DateTimeOffset expires, IReadOnlyList<Guid> ended, CancellationToken cancellationToken)
    {
        var endedIds = ended.ToList();
        Db.ActiveAlerts.RemoveRange(await Db.ActiveAlerts.Where(a => endedIds.Contains(a.AlertId)).ToListAsync(cancellationToken));
        if (alertId is { } id && await Db.ActiveAlerts.FindAsync([id], cancellationToken) is null)
        {
            Db.ActiveAlerts.Add(new ActiveAlert { AlertId = id, Headline = headline, Severity = severity, IssuedAt = issuedAt, Expires = expires });
        }
    }
}
