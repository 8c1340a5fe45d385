using Mediator;

namespace Egov.Modules.Mobile.Contracts;

/// <summary>
/// Cross-module query (Outreach's queue gauges and readiness check): the push jobs waiting, per
/// priority, read from the database at the moment of the query.
/// </summary>
public sealed record GetPushQueueQuery : IQuery<IReadOnlyList<PushQueueLane>>;

/// <summary>Pending push jobs of one priority.</summary>
/// <param name="Priority"><c>alert</c> (alerts and their all-clear) or <c>routine</c> (everything else).</param>
/// <param name="Depth">Push jobs not completed.</param>
/// <param name="OldestSince">When the oldest of them was created (UTC), or null when none waits.</param>
public sealed record PushQueueLane(string Priority, long Depth, DateTimeOffset? OldestSince);
