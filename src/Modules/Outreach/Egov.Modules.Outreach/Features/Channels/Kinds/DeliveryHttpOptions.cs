using System.ComponentModel.DataAnnotations;

namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>
/// How the channel adapters talk HTTP to the platforms, section <c>Egov:Outreach:Delivery:Http</c>;
/// validated at startup. These bound one delivery attempt; the delivery engine decides about further
/// attempts from the outcome.
/// </summary>
internal sealed class DeliveryHttpOptions
{
    public const string Section = "Egov:Outreach:Delivery:Http";

    /// <summary>Timeout of one HTTP request to a platform. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one request including its retries and their waits. Default 60 seconds; at least <see cref="AttemptTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of one request where a retry is safe (see the adapters); 0 turns them off. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; it doubles per retry, with jitter. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait a platform may ask for (<c>Retry-After</c>, Mastodon's <c>X-RateLimit-Reset</c>,
    /// Telegram's <c>retry_after</c>) that is waited out within one request. A longer one ends the attempt
    /// as Retry with that wait, for the engine to schedule. Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed requests to one channel within <see cref="CircuitBreakerSamplingDuration"/> that opens its circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Requests to one channel within the sampling duration before the circuit may open. Default 5.</summary>
    [Range(2, 1000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 5;

    /// <summary>Window over which failures to one channel are counted. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit refuses requests to that channel (they end as Retry at once). Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often Mastodon is asked whether an uploaded image is processed (<c>GET /api/v1/media/:id</c>). Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan MediaPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an attempt waits for Mastodon to process its images before it ends as Retry. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MediaProcessingTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
