namespace Egov.Modules.Outreach.Features.Queues;

/// <summary>One queue lane at one moment: how much waits, and since when the oldest (UTC; null when empty).</summary>
internal sealed record QueueLane(string Queue, string Priority, long Depth, DateTimeOffset? OldestSince)
{
    /// <summary>How long the oldest item has waited at <paramref name="now"/> (zero when empty).</summary>
    public TimeSpan OldestAge(DateTimeOffset now) => OldestSince is { } since && since < now ? now - since : TimeSpan.Zero;
}

/// <summary>The push-job and delivery queues per priority (<c>alert</c>, <c>routine</c>), read at <see cref="ReadAt"/>.</summary>
internal sealed record QueueSnapshot(DateTimeOffset ReadAt, IReadOnlyList<QueueLane> Lanes)
{
    public static QueueSnapshot Empty { get; } = new(DateTimeOffset.MinValue, []);
}
