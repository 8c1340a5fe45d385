namespace Egov.Modules.Handoff.Domain;

/// <summary>Where a hand-off stands; staff see it on the case.</summary>
internal enum HandoffStatus
{
    /// <summary>Push: waiting for its first attempt.</summary>
    Pending,

    /// <summary>Push: the last attempt failed; another follows after a backoff.</summary>
    Failed,

    /// <summary>Push: the receiver answered 2xx.</summary>
    Sent,

    /// <summary>Push: given up after the maximum attempts or refused by the receiver (4xx); staff may send it again.</summary>
    Parked,

    /// <summary>Pull: in the target's feed (acknowledged once the target's cursor passed its position).</summary>
    Queued,
}
