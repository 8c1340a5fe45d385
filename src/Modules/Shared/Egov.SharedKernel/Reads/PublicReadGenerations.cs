using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Egov.SharedKernel.Reads;

/// <summary>
/// The generation of each read region (e.g. <c>announcements</c>, <c>forms</c>) in this host
/// instance: a number that rises with every committed change to the region's public data, here or
/// (through <see cref="PublicReadChannel"/>) on another instance. A cached answer records the
/// generations it was computed under and is served only while they are still current, so an answer
/// computed from data read before a change is never served after it (ADR 0015).
/// </summary>
public sealed class PublicReadGenerations
{
    private static readonly Meter Meter = new("Egov.Reads");
    private static readonly Counter<long> Invalidations = Meter.CreateCounter<long>(
        "egov.reads.invalidations", unit: "{invalidation}", description: "Read regions invalidated, by region and origin (local, remote, channel).");

    private readonly ConcurrentDictionary<string, StrongBox> _generations = new(StringComparer.Ordinal);
    private long _epoch;
    private volatile bool _shared = true;

    /// <summary>
    /// Whether cached answers may be used: true on a single instance (SQLite) and on PostgreSQL while
    /// the invalidation channel is listening; false while it is down, so that every read goes to the
    /// database until changes of other instances can be heard again.
    /// </summary>
    public bool CachingAllowed => _shared;

    /// <summary>The current generation of <paramref name="region"/>: the epoch (see <see cref="InvalidateAll"/>) in the high bits, the region's own count in the low ones.</summary>
    public long Current(string region) => (Interlocked.Read(ref _epoch) << 32) + Interlocked.Read(ref Box(region).Value);

    /// <summary>Marks the regions changed: every answer cached under an earlier generation is stale from now on.</summary>
    /// <param name="regions">Region names.</param>
    /// <param name="origin">For the metric: <c>local</c> (a commit here) or <c>remote</c> (a notification).</param>
    public void Invalidate(IEnumerable<string> regions, string origin)
    {
        ArgumentNullException.ThrowIfNull(regions);
        foreach (var region in regions)
        {
            Interlocked.Increment(ref Box(region).Value);
            Invalidations.Add(1, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("origin", origin));
        }
    }

    /// <summary>
    /// Marks every region changed and sets whether caching is allowed: called when the invalidation
    /// channel goes down (changes of other instances may be missed from now on) and when it is back
    /// (changes made meanwhile were not heard).
    /// </summary>
    public void InvalidateAll(bool cachingAllowed)
    {
        Interlocked.Increment(ref _epoch);
        _shared = cachingAllowed;
        Invalidations.Add(1, new KeyValuePair<string, object?>("region", "*"), new KeyValuePair<string, object?>("origin", "channel"));
    }

    private StrongBox Box(string region) => _generations.GetOrAdd(region, static _ => new StrongBox());

    private sealed class StrongBox
    {
        public long Value;
    }
}
