namespace Egov.Modules.Handoff.Domain;

/// <summary>How far a pull target acknowledged its feed: every entry at or before <see cref="AcknowledgedPosition"/> is done.</summary>
internal sealed class FeedCursor
{
    private FeedCursor()
    {
    }

    public string TargetKey { get; private set; } = "";

    public long AcknowledgedPosition { get; private set; }

    public DateTimeOffset AcknowledgedAt { get; private set; }

    public static FeedCursor Start(string targetKey, long position, DateTimeOffset now) =>
        new() { TargetKey = targetKey, AcknowledgedPosition = position, AcknowledgedAt = now };

    /// <summary>Moves the cursor forward; an older position (a late retry of the client) leaves it where it is.</summary>
    public void Acknowledge(long position, DateTimeOffset now)
    {
        if (position > AcknowledgedPosition)
        {
            AcknowledgedPosition = position;
            AcknowledgedAt = now;
        }
    }
}
