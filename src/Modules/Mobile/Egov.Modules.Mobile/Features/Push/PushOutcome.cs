namespace Egov.Modules.Mobile.Features.Push;

/// <summary>What a push service said to one push.</summary>
internal readonly record struct PushOutcome(PushOutcomeKind Kind, TimeSpan? RetryAfter = null, string? Reason = null)
{
    public static PushOutcome Delivered { get; } = new(PushOutcomeKind.Delivered);

    /// <summary>404 or 410 (or the platform's equivalent): the registration no longer exists; remove it.</summary>
    public static PushOutcome Gone(string reason) => new(PushOutcomeKind.Gone, Reason: reason);

    /// <summary>429, 5xx or no answer: try again, after <paramref name="retryAfter"/> when the service named a time.</summary>
    public static PushOutcome Retry(string reason, TimeSpan? retryAfter = null) => new(PushOutcomeKind.Retry, retryAfter, reason);

    /// <summary>
    /// No answer within the request timeout: given up for this notification, not retried, so a dead
    /// endpoint costs its timeout once. The registration stays (it may come back); 404/410 prune it.
    /// </summary>
    public static PushOutcome TimedOut() => new(PushOutcomeKind.Failed, Reason: "no answer within the request timeout");

    /// <summary>Refused for good (e.g. 400, 401, 403, 413): retrying the same push cannot help.</summary>
    public static PushOutcome Failed(string reason) => new(PushOutcomeKind.Failed, Reason: reason);

    /// <summary>The outcome of an HTTP status a push service answered with, for the codes all three platforms share.</summary>
    public static PushOutcome FromStatus(int status, TimeSpan? retryAfter, string reason) => status switch
    {
        >= 200 and < 300 => Delivered,
        404 or 410 => Gone(reason),
        429 or >= 500 => Retry(reason, retryAfter),
        _ => Failed(reason),
    };
}
