namespace Egov.Modules.Outreach.Domain.Deliveries;

/// <summary>
/// Where a delivery (Zustellung) stands: Pending (waiting for its due time) → Sending (claimed by a
/// worker, under a lease) → Sent | Failed | Uncertain; Cancelled before it was sent. A Sending
/// delivery whose lease ran out (its worker died) is claimed again and repeated with the same
/// idempotency key.
/// </summary>
internal enum DeliveryStatus
{
    Pending,
    Sending,
    Sent,
    Failed,

    /// <summary>The platform may have published it and cannot say (Telegram after a timeout): a person checks, then marks it sent or retries.</summary>
    Uncertain,
    Cancelled,
}
