using System.Text.Json;
using Egov.Modules.Forms.Contracts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Text;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// An online application (Online-Antrag) of one citizen for one published form version: a draft
/// saved as often as needed, then submitted once — data frozen, reference number given. Leased by
/// the retention job while its personal data is removed (docs/modules/forms.md#retention).
/// </summary>
internal sealed class Application : ILeasedRow
{
    private Application()
    {
    }

    public Guid Id { get; private set; }

    public Guid FormId { get; private set; }

    public string FormKey { get; private set; } = "";

    public int FormVersion { get; private set; }

    /// <summary>OIDC <c>sub</c> of the applicant; the only one who may see the application.</summary>
    public string ApplicantSubject { get; private set; } = "";

    public ApplicationStatus Status { get; private set; }

    /// <summary>The form data as JSON (an object); frozen at submission.</summary>
    public string Data { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Aktenzeichen, e.g. <c>EGOV-2026-000042</c>; set at submission.</summary>
    public string? ReferenceNumber { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c> of the request that created the draft.</summary>
    public string? CreationKey { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c> of the request that submitted it.</summary>
    public string? SubmissionKey { get; private set; }

    /// <summary>Concurrency token and ETag of the case: of two changes at once exactly one wins.</summary>
    public int Revision { get; private set; }

    /// <summary>Code of the responsible department (from the form version at submission), e.g. <c>public-order</c>.</summary>
    public string? Department { get; private set; }

    /// <summary>The applicant's display name from their identity provider at submission.</summary>
    public string? ApplicantName { get; private set; }

    /// <summary>The applicant's e-mail address from their identity provider at submission; status mails go there.</summary>
    public string? ApplicantEmail { get; private set; }

    /// <summary><c>de</c> or <c>en</c>: the language the applicant submitted in; mails and receipts use it.</summary>
    public string ApplicantLanguage { get; private set; } = "de";

    /// <summary>OIDC <c>sub</c> of the caseworker the case is assigned to; null while in the department's queue.</summary>
    public string? AssigneeSubject { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>
    /// When the decision is due (UTC): submitted-at + the form's processing deadline, moved on by
    /// the time an information request was open (the clock stops while the city waits).
    /// </summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Set while an information request is open: when the clock stopped (UTC).</summary>
    public DateTimeOffset? ClockStoppedAt { get; private set; }

    /// <summary>When the case was approved or rejected (UTC).</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The reason given with the decision, shown to the applicant.</summary>
    public string? DecisionReason { get; private set; }

    /// <summary>Reference number and applicant name in lower case (invariant), for the worklist search.</summary>
    public string? SearchText { get; private set; }

    /// <summary>Number of history entries so far (the last entry's sequence).</summary>
    public int HistoryLength { get; private set; }

    /// <summary>When the case was closed (UTC); the retention period runs from here.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the retention job removes the personal data (UTC): closing + the form's retention days, moved on by legal holds.</summary>
    public DateTimeOffset? RetentionDueAt { get; private set; }

    /// <summary>Since when a legal hold stops the retention clock (UTC); null when none.</summary>
    public DateTimeOffset? LegalHoldSince { get; private set; }

    /// <summary>Why the case is needed for proceedings, in the caseworker's words.</summary>
    public string? LegalHoldReason { get; private set; }

    /// <summary>When the personal data was stripped by the retention job (the row is kept for statistics); null otherwise.</summary>
    public DateTimeOffset? PersonalDataRemovedAt { get; private set; }

    /// <inheritdoc />
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <inheritdoc />
    public string? LockOwner { get; private set; }
    /// <summary>The latest payment of the application's fee (Payments module), or null when none was started.</summary>
    public Guid? PaymentId { get; private set; }

    /// <summary>That payment's state: one of <c>PaymentStates</c> (Open, Paid, Failed, Cancelled, Expired, Refunded).</summary>
    public string? PaymentState { get; private set; }

    /// <summary>The amount of that payment in euro cents.</summary>
    public long? PaymentAmountCents { get; private set; }

    /// <summary>The provider's reference of the money movement (Stripe: <c>pi_…</c>).</summary>
    public string? PaymentReference { get; private set; }

    /// <summary>When the provider confirmed the payment (UTC).</summary>
    public DateTimeOffset? PaymentPaidAt { get; private set; }

    /// <summary>When the recorded payment state changed at the Payments module (UTC); orders late events.</summary>
    public DateTimeOffset? PaymentChangedAt { get; private set; }

    /// <summary>
    /// Records the state of the fee payment as the Payments module reports it. Events may arrive late
    /// or out of order (outbox, several payments after a retry): a change older than the one recorded
    /// is ignored. The case's revision does not move: a payment is no caseworker's change.
    /// </summary>
    /// <returns>False when the change was older than the recorded one.</returns>
    public bool RecordPayment(Guid paymentId, string state, long amountCents, string? reference, DateTimeOffset? paidAt, DateTimeOffset changedAt)
    {
        if (PaymentChangedAt is { } recorded && changedAt < recorded)
        {
            return false;
        }

        PaymentId = paymentId;
        PaymentState = state;
        PaymentAmountCents = amountCents;
        PaymentReference = reference;
        PaymentPaidAt = paidAt;
        PaymentChangedAt = changedAt;
        return true;
    }

    /// <summary>True when the decision is late: due in the past while the city has the case.</summary>
    public bool IsOverdue(DateTimeOffset now) => DueAt < now && CaseTransitions.ClockRunning.Contains(Status);

    public static Application CreateDraft(
        string formKey, FormVersion version, string applicant, string initialData, string? creationKey, DateTimeOffset now) => new()
    {
        Data = initialData,
        Id = Guid.CreateVersion7(now),
        FormId = version.FormDefinitionId,
        FormKey = formKey,
        FormVersion = version.Number,
        ApplicantSubject = applicant,
        Status = ApplicationStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
        CreationKey = creationKey,
    };

    /// <exception cref="ConflictException">It is no longer a draft.</exception>
    public void SaveDraft(JsonElement data, DateTimeOffset now)
    {
        EnsureStatus(ApplicationStatus.Draft, "saved");
        Data = data.GetRawText();
        UpdatedAt = now;
        Revision++;
    }

    /// <summary>
    /// Freezes the (already validated, cleaned) data, gives the reference number and opens the case
    /// for the form's department with its due date.
    /// </summary>
    public SubmittedCase Submit(
        string cleanedData, string referenceNumber, string? submissionKey, FormContent content, CaseApplicant applicant, DateTimeOffset now)
    {
        EnsureStatus(ApplicationStatus.Draft, "submitted");
        Data = cleanedData;
        ReferenceNumber = referenceNumber;
        SubmissionKey = submissionKey;
        Department = content.Department;
        ApplicantName = applicant.Name;
        ApplicantEmail = applicant.Email;
        ApplicantLanguage = applicant.Language;
        SearchText = InputText.Clean($"{referenceNumber} {applicant.Name}").ToLowerInvariant();
        SubmittedAt = now;
        DueAt = now.AddDays(content.ProcessingDeadlineDays);
        var change = ChangeStatus(ApplicationStatus.Submitted, new CaseActor(ApplicantSubject, applicant.Name ?? "", IsApplicant: true), null, now);
        return new SubmittedCase(
            new ApplicationSubmittedIntegrationEvent(Guid.CreateVersion7(now), now, Id, referenceNumber, FormId, FormVersion, ApplicantSubject),
            change);
    }

    /// <summary>A caseworker moves the case on (see <see cref="CaseTransitions"/>).</summary>
    /// <exception cref="ConflictException">The move is not allowed from the current status; the problem lists the allowed ones (<c>allowed</c>).</exception>
    /// <exception cref="RequestValidationException">The move needs a reason (field <c>reason</c>).</exception>
    /// <param name="to">The new status.</param>
    /// <param name="caseworker">Who moves it.</param>
    /// <param name="reason">Why; shown to the applicant.</param>
    /// <param name="now">UTC.</param>
    /// <param name="decisionNoticeId">The written notice issued with a decision, recorded in the history entry.</param>
    public CaseChange Transition(ApplicationStatus to, CaseActor caseworker, string? reason, DateTimeOffset now, Guid? decisionNoticeId = null)
    {
        var allowed = CaseTransitions.AllowedForStaff(Status);
        if (!allowed.Contains(to))
        {
            var conflict = new ConflictException(allowed.Count == 0
                ? $"The case is {Status}; it cannot change any more."
                : $"The case is {Status} and cannot move to {to}. Allowed: {string.Join(", ", allowed)}.");
            conflict.Extensions["caseStatus"] = Status.ToString();
            conflict.Extensions["allowed"] = allowed.Select(s => s.ToString()).ToArray();
            throw conflict;
        }

        if (CaseTransitions.NeedsReason(Status, to) && string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestValidationException("reason", $"A move from {Status} to {to} needs a reason that the applicant will read.");
        }

        if (to is ApplicationStatus.Approved or ApplicationStatus.Rejected)
        {
            DecidedAt = now;
            DecisionReason = reason;
        }

        return ChangeStatus(to, caseworker, reason, now, decisionNoticeId);
    }

    /// <summary>The applicant answered the open information request: back to the caseworker.</summary>
    /// <exception cref="ConflictException">No information request is open.</exception>
    public CaseChange InformationProvided(CaseActor applicant, DateTimeOffset now)
    {
        EnsureStatus(ApplicationStatus.InformationRequested, "answered");
        return ChangeStatus(ApplicationStatus.InReview, applicant, null, now);
    }

    /// <summary>Gives the case to a caseworker, or back to the queue (<paramref name="assignee"/> null).</summary>
    /// <exception cref="ConflictException">The case is closed.</exception>
    public CaseHistoryEntry Assign(CaseActor actor, CaseActor? assignee, DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Closed)
        {
            throw new ConflictException("The case is closed; it cannot be assigned any more.");
        }

        AssigneeSubject = assignee?.Subject;
        AssigneeName = assignee?.Name;
        UpdatedAt = now;
        Revision++;
        return CaseHistoryEntry.AssigneeChanged(Id, ++HistoryLength, now, actor, AssigneeSubject, AssigneeName);
    }

    /// <summary>Records a change of the draft's attachments, so two uploads at once cannot both pass the count check.</summary>
    /// <exception cref="ConflictException">It is no longer a draft.</exception>
    public void TouchAttachments(DateTimeOffset now)
    {
        EnsureStatus(ApplicationStatus.Draft, "changed");
        UpdatedAt = now;
        Revision++;
    }

    /// <summary>
    /// The applicant takes the application back: a draft simply ends; a submitted one only before a
    /// decision, and its case records it.
    /// </summary>
    /// <returns>The case change, or null for a draft (no case yet).</returns>
    /// <exception cref="ConflictException">It is withdrawn already, or decided.</exception>
    public CaseChange? Withdraw(DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Withdrawn)
        {
            throw new ConflictException("The application is withdrawn already.");
        }

        WithdrawnAt = now;
        if (Status == ApplicationStatus.Draft)
        {
            Status = ApplicationStatus.Withdrawn;
            UpdatedAt = now;
            Revision++;
            return null;
        }

        if (!CaseTransitions.Withdrawable.Contains(Status))
        {
            throw new ConflictException(Status == ApplicationStatus.Closed
                ? "The case is closed; it can no longer be withdrawn."
                : $"The application is {Status}; after a decision it can no longer be withdrawn.");
        }

        return ChangeStatus(ApplicationStatus.Withdrawn, new CaseActor(ApplicantSubject, ApplicantName ?? "", IsApplicant: true), null, now);
    }

    private CaseChange ChangeStatus(ApplicationStatus to, CaseActor actor, string? reason, DateTimeOffset now, Guid? decisionNoticeId = null)
    {
        var from = Status;
        if (from == ApplicationStatus.InformationRequested && ClockStoppedAt is { } stopped)
        {
            // The clock ran again: the due date moves on by the time the city waited.
            DueAt += now - stopped;
            ClockStoppedAt = null;
        }

        if (to == ApplicationStatus.InformationRequested)
        {
            ClockStoppedAt = now;
        }

        if (to == ApplicationStatus.Closed)
        {
            ClosedAt = now;
        }

        Status = to;
        UpdatedAt = now;
        Revision++;
        var entry = CaseHistoryEntry.StatusChanged(Id, ++HistoryLength, now, actor, from, to, reason, decisionNoticeId);
        var changed = new ApplicationStatusChangedIntegrationEvent(
            Guid.CreateVersion7(now), now, Id, ReferenceNumber!, FormKey, from.ToString(), to.ToString(), ApplicantSubject, entry.Sequence);
        return new CaseChange(entry, changed);
    }

    /// <summary>
    /// A caseworker keeps the case for legal proceedings: the retention clock stops until the hold is
    /// lifted (GDPR Art. 17(3)(e): erasure does not apply while the data is needed for legal claims).
    /// </summary>
    /// <exception cref="ConflictException">A hold is in place already, or the personal data is gone.</exception>
    public CaseHistoryEntry PlaceLegalHold(CaseActor caseworker, string reason, DateTimeOffset now)
    {
        if (LegalHoldSince is not null)
        {
            throw new ConflictException($"Case {ReferenceNumber} is on legal hold already (since {LegalHoldSince:u}).");
        }

        EnsurePersonalDataKept();
        LegalHoldSince = now;
        LegalHoldReason = reason;
        UpdatedAt = now;
        Revision++;
        return CaseHistoryEntry.LegalHoldChanged(Id, ++HistoryLength, now, caseworker, placed: true, reason);
    }

    /// <summary>Ends the legal hold; the retention date moves on by the time the clock stood still.</summary>
    /// <exception cref="ConflictException">No hold is in place.</exception>
    public CaseHistoryEntry LiftLegalHold(CaseActor caseworker, string reason, DateTimeOffset now)
    {
        var since = LegalHoldSince ?? throw new ConflictException($"Case {ReferenceNumber} is not on legal hold.");
        RetentionDueAt += now - since;
        LegalHoldSince = null;
        LegalHoldReason = null;
        UpdatedAt = now;
        Revision++;
        return CaseHistoryEntry.LegalHoldChanged(Id, ++HistoryLength, now, caseworker, placed: false, reason);
    }

    /// <summary>The application is filed (whatever happened to it since).</summary>
    public bool IsSubmitted => SubmittedAt is not null;

    private void EnsurePersonalDataKept()
    {
        if (PersonalDataRemovedAt is not null)
        {
            throw new ConflictException($"The personal data of case {ReferenceNumber} was removed at the end of its retention period.");
        }
    }

    private void EnsureStatus(ApplicationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new ConflictException($"The application is {Status} and cannot be {action}.");
        }
    }
}

/// <summary>Who filed the application, as their identity provider said at submission.</summary>
internal sealed record CaseApplicant(string? Name, string? Email, string Language);

/// <summary>A change of a case: its history entry and the event that tells other modules and the applicant.</summary>
internal sealed record CaseChange(CaseHistoryEntry Entry, ApplicationStatusChangedIntegrationEvent Event);

/// <summary>A submission: the submitted event and the case's first status change.</summary>
internal sealed record SubmittedCase(ApplicationSubmittedIntegrationEvent Submitted, CaseChange Change);
