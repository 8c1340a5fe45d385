namespace Egov.SharedKernel.Work;

/// <summary>Exponential backoff with jitter, shared by the outbox, deliveries and push.</summary>
public static class Backoff
{
    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> + 1: <paramref name="first"/> after the first
    /// failure, doubled per further failure, capped at <paramref name="cap"/>, then multiplied by a
    /// random factor in [<paramref name="minFactor"/>, <paramref name="maxFactor"/>) so that workers
    /// recovering together do not retry in lockstep (AWS Architecture Blog, "Exponential Backoff and Jitter").
    /// </summary>
    /// <param name="attempt">Failed attempts so far, from 1.</param>
    /// <param name="first">Wait after the first failure.</param>
    /// <param name="cap">Longest wait before jitter.</param>
    /// <param name="minFactor">Lowest jitter factor, e.g. 1.0 (never earlier) or 0.8.</param>
    /// <param name="maxFactor">Highest jitter factor (exclusive), e.g. 1.1 or 1.2.</param>
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan cap, double minFactor = 1.0, double maxFactor = 1.1)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, cap.Ticks));
        return capped * (minFactor + ((maxFactor - minFactor) * Random.Shared.NextDouble()));
    }
}
