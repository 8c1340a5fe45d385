namespace Egov.SharedKernel.Outbox;

/// <summary>Settings of the outbox dispatchers, from configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Outbox";

    /// <summary>Whether this host instance runs dispatchers at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a dispatcher looks for work when nothing woke it (default 2 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages claimed per round trip (default 20).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a claim holds a message (default 1 min). A dispatcher that dies mid-batch releases its
    /// messages when the lease runs out; a handler slower than this may see the message twice.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Delay after the first failure; doubles with each further one (default 1 s).</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the retry delay (default 5 min).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed attempts after which a message is parked with <c>failed_at</c> set (default 10).</summary>
    public int MaxAttempts { get; set; } = 10;
}
