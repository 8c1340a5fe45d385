using System.Globalization;
using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Retention;

/// <summary>
/// Ends personal data when its time is up (GDPR Art. 5(1)(e) storage limitation): a closed case
/// <see cref="FormContent.RetentionDays"/> after closing — deleted or stripped as its form says
/// (<see cref="FormContent.RetentionAction"/>) — and a never-submitted application
/// <see cref="RetentionOptions.AbandonedDraftDays"/> after its last change. Each one gets a
/// <see cref="DeletionRecord"/> in the same transaction. A legal hold stops the clock.
/// </summary>
/// <remarks>
/// Multi-instance safe: applications are claimed with a lease (<see cref="LeaseClaim"/>, PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>), and the removal first re-takes the row under the claim's owner
/// inside its transaction — an instance whose lease ran out finds nothing and writes nothing, so an
/// application is never deleted twice nor gets two records. Each round first gives newly closed
/// cases their retention date (closing + the form version's retention days).
/// </remarks>
internal sealed partial class RetentionWorker : LeasedWorker<Application>
{
    private const int ScheduleBatch = 200;

    private readonly IServiceScopeFactory _scopes;
    private readonly PublishedFormVersions _forms;
    private readonly RetentionOptions _options;
    private readonly LeaseQuery<Application> _due;
    private readonly ILogger<RetentionWorker> _logger;

    public RetentionWorker(
        IServiceScopeFactory scopes, PublishedFormVersions forms, IOptions<RetentionOptions> options, WorkSignal<RetentionWorker> signal, TimeProvider time, ILogger<RetentionWorker> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _forms = forms;
        _options = options.Value;
        _logger = logger;
        var draftAge = TimeSpan.FromDays(_options.AbandonedDraftDays);

        // The draft age is a validated integer of the configuration, not input; it is written into the SQL
        // because LeaseClaim gives the condition one parameter (@now).
        var days = _options.AbandonedDraftDays.ToString(CultureInfo.InvariantCulture);
        _due = new LeaseQuery<Application>(
            "applications",
            "(status = 'Closed' AND retention_due_at <= @now AND legal_hold_since IS NULL AND personal_data_removed_at IS NULL)"
                + $" OR (submitted_at IS NULL AND updated_at < @now - interval '{days} days')",
            "updated_at, id",
            (rows, now) => rows.Where(a =>
                (a.Status == ApplicationStatus.Closed && a.RetentionDueAt <= now && a.LegalHoldSince == null && a.PersonalDataRemovedAt == null)
                || (a.SubmittedAt == null && a.UpdatedAt < now - draftAge)),
            rows => rows.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id));
    }

    /// <inheritdoc />
    protected override bool Enabled => _options.Enabled;

    /// <inheritdoc />
    protected override int ClaimSize => _options.BatchSize;

    /// <inheritdoc />
    protected override TimeSpan LeaseDuration => _options.LeaseDuration;

    /// <inheritdoc />
    protected override TimeSpan PollInterval(WorkLane lane) => _options.PollInterval;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<Application>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        await ScheduleAsync(db, cancellationToken);
        return await LeaseClaim.ClaimAsync(db, db.Schema, _due, limit, lease, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(Application item, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var now = Time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // The case history is append-only; its trigger lets this transaction delete (migration "Cases").
            await db.Database.ExecuteSqlRawAsync("SET LOCAL egov.retention_purge = 'on'", cancellationToken);
        }

        // Re-take the row under this claim (and lock it until commit): a lease that ran out, a legal hold
        // placed since, or another instance that finished first leaves nothing to do.
        var held = await db.Applications
            .Where(a => a.Id == item.Id && a.LockOwner == Owner && a.LegalHoldSince == null && a.PersonalDataRemovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedUntil, now + LeaseDuration), cancellationToken);
        var application = held == 1 ? await db.Applications.AsNoTracking().SingleAsync(a => a.Id == item.Id, cancellationToken) : null;
        if (application is null)
        {
            return;
        }

        var (action, rule) = await RuleAsync(db, application, now, cancellationToken);
        if (action is null)
        {
            return;
        }

        using var fingerprint = new RetentionParts.Fingerprint();
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in RetentionParts.All)
        {
            foreach (var row in await part.Read(db, application.Id, cancellationToken))
            {
                fingerprint.Add(part.Kind, row);
            }

            removed[part.Kind] = await part.Delete(db, application.Id, cancellationToken);
        }

        fingerprint.Add("application", new
        {
            application.Id, application.ReferenceNumber, application.FormKey, application.FormVersion, application.ApplicantSubject,
            application.ApplicantName, application.ApplicantEmail, application.Data, application.DecisionReason, application.AssigneeSubject,
        });
        if (action == FormContent.StripOnRetention)
        {
            removed["personalData"] = await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ApplicantSubject, "")
                .SetProperty(a => a.ApplicantName, (string?)null)
                .SetProperty(a => a.ApplicantEmail, (string?)null)
                .SetProperty(a => a.Data, "{}")
                .SetProperty(a => a.SearchText, application.ReferenceNumber!.ToLowerInvariant())
                .SetProperty(a => a.DecisionReason, (string?)null)
                .SetProperty(a => a.AssigneeSubject, (string?)null)
                .SetProperty(a => a.AssigneeName, (string?)null)
                .SetProperty(a => a.CreationKey, (string?)null)
                .SetProperty(a => a.SubmissionKey, (string?)null)
                .SetProperty(a => a.HistoryLength, 0)
                .SetProperty(a => a.PersonalDataRemovedAt, now)
                .SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }
        else
        {
            removed["application"] = await db.Applications.Where(a => a.Id == application.Id).ExecuteDeleteAsync(cancellationToken);
        }

        db.DeletionRecords.Add(DeletionRecord.Create(application, action, rule, JsonSerializer.Serialize(removed), fingerprint.Finish(), now, Owner));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRemoved(application.Id, action, rule);
    }

    /// <summary>What applies to <paramref name="application"/> now: (<c>delete</c>|<c>strip</c>, rule), or (null, "") when nothing is due.</summary>
    private async Task<(string? Action, string Rule)> RuleAsync(FormsDbContext db, Application application, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (application.SubmittedAt is null)
        {
            return application.UpdatedAt < now - TimeSpan.FromDays(_options.AbandonedDraftDays)
                ? (FormContent.DeleteOnRetention, $"abandoned draft: {_options.AbandonedDraftDays} days without change")
                : (null, "");
        }

        if (application.Status != ApplicationStatus.Closed || application.RetentionDueAt > now)
        {
            return (null, "");
        }

        var content = (await _forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken)).Content;
        return (content.RetentionAction, $"retention: {content.RetentionDays} days after closing, then {content.RetentionAction} (form {application.FormKey} version {application.FormVersion})");
    }

    /// <summary>Gives closed cases without a retention date theirs: closing (or, for cases closed before it was recorded, the last change) + the form version's retention days.</summary>
    private async Task ScheduleAsync(FormsDbContext db, CancellationToken cancellationToken)
    {
        var closed = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Closed && a.RetentionDueAt == null && a.PersonalDataRemovedAt == null)
            .OrderBy(a => a.Id)
            .Take(ScheduleBatch)
            .Select(a => new { a.Id, a.FormId, a.FormVersion, Since = a.ClosedAt ?? a.UpdatedAt })
            .ToListAsync(cancellationToken);
        foreach (var application in closed)
        {
            var content = (await _forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken)).Content;
            var due = application.Since.AddDays(content.RetentionDays);
            await db.Applications.Where(a => a.Id == application.Id && a.RetentionDueAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RetentionDueAt, due), cancellationToken);
        }
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Retention: application {ApplicationId} {Action} by rule \"{Rule}\"")]
    private partial void LogRemoved(Guid applicationId, string action, string rule);
}
