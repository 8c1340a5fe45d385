using System.ComponentModel.DataAnnotations;

namespace Egov.Modules.Outreach.Features.Deliveries;

/// <summary>The delivery engine's settings, section <c>Egov:Outreach:Delivery</c>; validated at startup.</summary>
internal sealed class DeliveryOptions
{
    public const string Section = "Egov:Outreach:Delivery";

    /// <summary>Run the delivery workers in this host. Several hosts may run them on one PostgreSQL database. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle worker looks for due posts and deliveries (new work also wakes it at once). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries claimed per round. Default 50.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Deliveries sent at the same time by one host. Default 16.</summary>
    [Range(1, 256)]
    public int MaxParallelism { get; set; } = 16;

    /// <summary>Attempts before a delivery fails for good (5xx, timeouts, 429). Default 8.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the second attempt; doubles per attempt, with ±20 % jitter. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between attempts. Default 30 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a worker's claim on a delivery holds. Longer than one attempt can take (the adapters'
    /// total timeout); when it runs out because the worker died, another repeats the attempt with the
    /// same idempotency key. Default 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often engagement (favourites, boosts, replies) of recent posts is read. Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan EngagementInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Posts sent within this window get their engagement read. Default 14 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan EngagementWindow { get; set; } = TimeSpan.FromDays(14);
}
