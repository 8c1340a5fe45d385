using Egov.SharedKernel.Work;

namespace Egov.SharedKernel.Outbox;

/// <summary>
/// A row of a module's <c>outbox_messages</c> table: one integration event waiting to be published,
/// or already published (<see cref="ProcessedAt"/>), or given up on (<see cref="FailedAt"/>).
/// </summary>
public sealed class OutboxMessage : ILeasedRow
{
    /// <summary>The event's <see cref="IIntegrationEvent.EventId"/>.</summary>
    public Guid Id { get; set; }

    /// <summary>Type of the event: <c>Namespace.Type, Assembly</c>.</summary>
    public required string EventType { get; set; }

    /// <summary>The event as JSON (System.Text.Json web defaults).</summary>
    public required string Payload { get; set; }

    /// <summary>When the event happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Earliest instant (UTC) of the next delivery attempt; moves out with each failure (backoff).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Number of failed delivery attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>While set and in the future, a dispatcher holds a lease on the row.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Id of the dispatcher holding the lease (host instance and module).</summary>
    public string? LockOwner { get; set; }

    /// <summary>When every handler finished successfully (UTC); <c>null</c> while pending.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>When delivery was given up after the maximum number of attempts (UTC); kept for operators.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>Type and message of the last failure, at most 2000 characters.</summary>
    public string? LastError { get; set; }
}

/// <summary>
/// A row of a module's <c>inbox_messages</c> table: the integration event <see cref="EventId"/> was
/// handled by <see cref="Handler"/> in this module. Lets at-least-once delivery become
/// effectively-once for a handler.
/// </summary>
public sealed class InboxMessage
{
    /// <summary>The handled event's id.</summary>
    public Guid EventId { get; set; }

    /// <summary>Name of the handler that processed it.</summary>
    public required string Handler { get; set; }

    /// <summary>When it was handled (UTC).</summary>
    public DateTimeOffset ProcessedAt { get; set; }
}
