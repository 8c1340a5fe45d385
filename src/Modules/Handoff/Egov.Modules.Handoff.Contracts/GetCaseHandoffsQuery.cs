using Mediator;

namespace Egov.Modules.Handoff.Contracts;

/// <summary>
/// Cross-module query: what was handed off where and when for one case — push and pull hand-offs to
/// specialist systems and xdomea exports for the e-file — oldest first, for staff of the case's department
/// (the staff case page shows it). An empty list when the case was not handed off anywhere.
/// </summary>
/// <param name="CaseId">Id of the case (= application).</param>
/// <param name="Departments">The asking member of staff's department codes (claim <c>department</c>).</param>
/// <param name="IsAdministrator">Whether they administer (every department).</param>
/// <exception cref="Egov.SharedKernel.Errors.NotFoundException">The case was handed off, but it is not of the caller's departments.</exception>
public sealed record GetCaseHandoffsQuery(Guid CaseId, IReadOnlyList<string> Departments, bool IsAdministrator) : IQuery<IReadOnlyList<CaseHandoff>>;

/// <summary>
/// Cross-module command: send a push hand-off again (parked, failed, or sent but lost by the receiver) — due at
/// once, with the same CloudEvent id so the receiver can tell a repeat; attempts are counted on. Answers the case's id.
/// </summary>
/// <param name="HandoffId">The hand-off's <see cref="CaseHandoff.Id"/>.</param>
/// <param name="Departments">The asking member of staff's department codes.</param>
/// <param name="IsAdministrator">Whether they administer (every department).</param>
/// <exception cref="Egov.SharedKernel.Errors.NotFoundException">No such hand-off, or its case is not of the caller's departments.</exception>
/// <exception cref="Egov.SharedKernel.Errors.ConflictException">Not a push hand-off (a pull target reads its feed again itself; an export is made anew).</exception>
public sealed record ResendCaseHandoffCommand(Guid HandoffId, IReadOnlyList<string> Departments, bool IsAdministrator) : ICommand<Guid>;

/// <summary>One hand-off of a case as staff see it (also the JSON of <c>GET /api/v1/handoff/cases/{id}</c>).</summary>
/// <param name="Id">Id of the hand-off (for a re-send).</param>
/// <param name="Target">The target's key from <c>Egov:Handoff:Targets</c>; <see cref="CaseHandoffTargets.Xdomea"/> for an xdomea export.</param>
/// <param name="Kind">One of <see cref="CaseHandoffKinds"/>.</param>
/// <param name="EventId">The CloudEvent id (push, pull); the xdomea message's process id (export).</param>
/// <param name="EventType">The CloudEvent type (<see cref="HandoffEventTypes"/>), or <see cref="CaseHandoffTargets.XdomeaMessageType"/>.</param>
/// <param name="Status">One of <see cref="CaseHandoffStates"/>.</param>
/// <param name="Attempts">Push attempts so far (an export: 1; pull: 0).</param>
/// <param name="CreatedAt">When it was handed off (UTC).</param>
/// <param name="LastAttemptAt">Last push attempt (UTC).</param>
/// <param name="NextAttemptAt">Next push attempt (UTC), while one is due.</param>
/// <param name="SentAt">When the receiver accepted it (push) or the export was made (UTC).</param>
/// <param name="LastError">What went wrong last (push), e.g. <c>HTTP 503 Service Unavailable</c>, <c>No answer within 10 s.</c>, <c>Connection failed: ConnectionError.</c>; never a body the receiver sent.</param>
/// <param name="LastErrorKind">What <paramref name="LastError"/> means, one of <see cref="CaseHandoffErrors"/> (null without an error), for showing it in words.</param>
/// <param name="CanResend">Whether <see cref="ResendCaseHandoffCommand"/> applies: a push hand-off that is not waiting for its attempt.</param>
public sealed record CaseHandoff(
    Guid Id, string Target, string Kind, Guid EventId, string EventType, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt,
    string? LastError, string? LastErrorKind, bool CanResend)
{
    /// <summary>The staff API's address of the xdomea export of case <paramref name="caseId"/> (a zip; policy HandleCases, the browser session counts).</summary>
    public static string XdomeaExportPath(Guid caseId) => $"/api/v1/handoff/cases/{caseId}/xdomea";
}

/// <summary>The values of <see cref="CaseHandoff.LastErrorKind"/>.</summary>
public static class CaseHandoffErrors
{
    /// <summary>The receiver answered 5xx, 408 or 429: its own trouble; retried.</summary>
    public const string ReceiverError = "ReceiverError";

    /// <summary>The receiver refused the event with another 4xx (e.g. a wrong signature secret, an unknown form): parked at once.</summary>
    public const string Refused = "Refused";

    /// <summary>No answer within the target's timeout; retried (the event may have arrived: the receiver deduplicates).</summary>
    public const string Timeout = "Timeout";

    /// <summary>No connection (name not resolved, refused, TLS failed); retried.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>The target is no longer configured as a push target; parked.</summary>
    public const string NotConfigured = "NotConfigured";

    /// <summary>Forms no longer has the application (erased); parked.</summary>
    public const string CaseGone = "CaseGone";

    /// <summary>Anything else.</summary>
    public const string Other = "Other";
}

/// <summary>The values of <see cref="CaseHandoff.Kind"/>.</summary>
public static class CaseHandoffKinds
{
    /// <summary>Egov POSTs signed CloudEvents to the specialist system.</summary>
    public const string Push = "Push";

    /// <summary>The specialist system reads its feed with a service account.</summary>
    public const string Pull = "Pull";

    /// <summary>A member of staff exported the case as an xdomea message for the e-file.</summary>
    public const string Xdomea = "Xdomea";
}

/// <summary>The values of <see cref="CaseHandoff.Status"/>.</summary>
public static class CaseHandoffStates
{
    /// <summary>Push: waiting for its (first or re-sent) attempt.</summary>
    public const string Pending = "Pending";

    /// <summary>Push: the last attempt failed; another follows at <see cref="CaseHandoff.NextAttemptAt"/>.</summary>
    public const string Failed = "Failed";

    /// <summary>Push: the receiver accepted it; export: made and downloaded.</summary>
    public const string Sent = "Sent";

    /// <summary>Push: given up after the maximum attempts or refused by the receiver (4xx); staff may send it again.</summary>
    public const string Parked = "Parked";

    /// <summary>Pull: in the target's feed, not yet acknowledged.</summary>
    public const string Queued = "Queued";

    /// <summary>Pull: the target acknowledged its feed past this entry.</summary>
    public const string Acknowledged = "Acknowledged";
}

/// <summary>The pseudo-target of xdomea exports.</summary>
public static class CaseHandoffTargets
{
    /// <summary>The <see cref="CaseHandoff.Target"/> of an xdomea export; no configured target can have this key (it holds a colon).</summary>
    public const string Xdomea = "xdomea:e-akte";

    /// <summary>The <see cref="CaseHandoff.EventType"/> of an xdomea export: the message type (xdomea 3.1.0 <c>Abgabe.Abgabe.0401</c>).</summary>
    public const string XdomeaMessageType = "xdomea.Abgabe.Abgabe.0401";
}
