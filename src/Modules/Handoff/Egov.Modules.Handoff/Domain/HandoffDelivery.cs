using Egov.Modules.Handoff.Contracts;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Handoff.Domain;

/// <summary>
/// One event of one case for one target — exactly one row per (target, event): the unique key is
/// what makes a hand-off happen once however often the integration event is delivered. A push
/// target's row is worked off by the push worker (leased); a pull target's row is an entry of its
/// feed, ordered by <see cref="Position"/>.
/// </summary>
internal sealed class HandoffDelivery : ILeasedRow
{
    private HandoffDelivery()
    {
    }

    public Guid Id { get; private set; }

    public string TargetKey { get; private set; } = "";

    public HandoffTargetKind Kind { get; private set; }

    /// <summary>The CloudEvent <c>id</c>: the id of the integration event handed off; the same on every attempt.</summary>
    public Guid EventId { get; private set; }

    /// <summary>The CloudEvent <c>type</c>, e.g. <c>de.egov.forms.application.submitted.v1</c>.</summary>
    public string EventType { get; private set; } = "";

    /// <summary>When the event happened (UTC): the CloudEvent <c>time</c>.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string ReferenceNumber { get; private set; } = "";

    public string FormKey { get; private set; } = "";

    public int FormVersion { get; private set; }

    public string Department { get; private set; } = "";

    /// <summary>The status the event reports (e.g. <c>Submitted</c>, <c>Approved</c>).</summary>
    public string CaseStatus { get; private set; } = "";

    public HandoffStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>What went wrong last (status and a short reason); never a body the receiver sent.</summary>
    public string? LastError { get; private set; }

    /// <summary>Pull: the entry's place in the feed (1, 2, …, across the targets); null until the feed was read once after it was committed.</summary>
    public long? Position { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LockOwner { get; private set; }

    public static HandoffDelivery Create(
        string targetKey, HandoffTargetKind kind, Guid eventId, string eventType, DateTimeOffset occurredAt,
        Guid applicationId, string referenceNumber, string formKey, int formVersion, string department, string caseStatus, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TargetKey = targetKey,
        Kind = kind,
        EventId = eventId,
        EventType = eventType,
        OccurredAt = occurredAt,
        ApplicationId = applicationId,
        ReferenceNumber = referenceNumber,
        FormKey = formKey,
        FormVersion = formVersion,
        Department = department,
        CaseStatus = caseStatus,
        Status = kind == HandoffTargetKind.Push ? HandoffStatus.Pending : HandoffStatus.Queued,
        CreatedAt = now,
        NextAttemptAt = kind == HandoffTargetKind.Push ? now : null,
    };

    /// <summary>
    /// An xdomea export of the case, recorded as made: so staff see it beside the other hand-offs. It is
    /// never claimed (no next attempt) nor sequenced into a feed (not a pull row).
    /// </summary>
    public static HandoffDelivery Exported(
        Guid messageId, Guid applicationId, string referenceNumber, string formKey, int formVersion, string department, string caseStatus, DateTimeOffset now)
    {
        var export = Create(
            CaseHandoffTargets.Xdomea, HandoffTargetKind.Xdomea, messageId, CaseHandoffTargets.XdomeaMessageType, now,
            applicationId, referenceNumber, formKey, formVersion, department, caseStatus, now);
        export.MarkSent(now);
        return export;
    }

    /// <summary>Push: the receiver accepted it (2xx); an export: made.</summary>
    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        Status = HandoffStatus.Sent;
        SentAt = now;
        LastAttemptAt = now;
        LastError = null;
        NextAttemptAt = null;
        ReleaseLease();
    }

    /// <summary>Push: an attempt failed; tried again at <paramref name="retryAt"/>, or parked when that is null.</summary>
    public void MarkFailed(string error, DateTimeOffset now, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length > 500 ? error[..500] : error;
        Status = retryAt is null ? HandoffStatus.Parked : HandoffStatus.Failed;
        NextAttemptAt = retryAt;
        ReleaseLease();
    }

    /// <summary>Push: staff send it again (parked or already sent): due now, with the same event id, so the receiver can tell a repeat.</summary>
    public void Resend(DateTimeOffset now)
    {
        Status = HandoffStatus.Pending;
        NextAttemptAt = now;
        ReleaseLease();
    }

    private void ReleaseLease()
    {
        LockedUntil = null;
        LockOwner = null;
    }
}
