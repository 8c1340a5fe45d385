using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Host.ErrorHandling;

/// <summary>
/// Answers requests that failed because the database is away (<see cref="DatabaseFailures.IsTransient"/>):
/// 503 with <c>Retry-After</c> (RFC 9110 §10.2.3). The outage is logged once per
/// <see cref="LogWindow"/> as an error, every further failed request within it only at Debug, so an
/// outage does not write one error per request. The host recovers by itself: nothing is cached
/// about the failure, the next request tries the database again.
/// </summary>
internal sealed partial class DatabaseOutage(TimeProvider time, ILogger<DatabaseOutage> logger)
{
    /// <summary>What <c>Retry-After</c> says: long enough for a restart or a failover of PostgreSQL.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>At most one error log line per window for an ongoing outage.</summary>
    public static readonly TimeSpan LogWindow = TimeSpan.FromMinutes(1);

    private long _loggedAt; // UTC ticks of the last report; 0 (year 1) before the first
    private int _suppressed;

    /// <summary>Sets <c>Retry-After</c>, logs (once per window) and returns the 503 problem.</summary>
    public ProblemDetails Describe(HttpContext context, Exception exception)
    {
        context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _loggedAt);
        if (now - last >= LogWindow.Ticks && Interlocked.CompareExchange(ref _loggedAt, now, last) == last)
        {
            LogUnavailable(exception, Interlocked.Exchange(ref _suppressed, 0), (int)LogWindow.TotalSeconds);
        }
        else
        {
            Interlocked.Increment(ref _suppressed);
            LogStillUnavailable(context.Request.Method, context.Request.Path);
        }

        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service Unavailable",
            Detail = "The database cannot be reached at the moment, so the request was not carried out. Try again after the seconds in Retry-After.",
        };
    }

    [LoggerMessage(EventId = 503, Level = LogLevel.Error,
        Message = "Database unavailable: requests are answered 503 ({Suppressed} more failed since the last report; the next report comes at the earliest in {WindowSeconds} s)")]
    private partial void LogUnavailable(Exception exception, int suppressed, int windowSeconds);

    [LoggerMessage(EventId = 504, Level = LogLevel.Debug, Message = "Database still unavailable: 503 for {Method} {Path}")]
    private partial void LogStillUnavailable(string method, string path);
}
