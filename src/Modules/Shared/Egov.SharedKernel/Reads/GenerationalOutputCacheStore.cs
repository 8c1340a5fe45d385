using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Egov.SharedKernel.Reads;

/// <summary>
/// The output cache's store: answers in memory, bounded by <see cref="PublicReadOptions.CacheSizeBytes"/>,
/// each kept with the generations of its regions at the moment its request began (tags of the form
/// <c>region@generation</c>, set by <see cref="PublicReadCachePolicy"/>). An answer whose generations
/// are no longer current is neither stored nor served, whatever the timing of the change, its
/// notification and the request (ADR 0015).
/// </summary>
internal sealed class GenerationalOutputCacheStore : IOutputCacheStore, IDisposable
{
    private static readonly Meter Meter = new("Egov.Reads");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>(
        "egov.reads.cache.lookups", unit: "{lookup}", description: "Lookups of cached public reads, by result (hit, miss, stale).");

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");
    private static readonly KeyValuePair<string, object?> Stale = new("result", "stale");

    private readonly PublicReadGenerations _generations;
    private readonly TimeProvider _time;
    private readonly MemoryCache _cache;

    public GenerationalOutputCacheStore(PublicReadGenerations generations, TimeProvider time, IOptions<PublicReadOptions> options)
    {
        _generations = generations;
        _time = time;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.CacheSizeBytes });
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_cache.TryGetValue(key, out Entry? entry) || entry is null)
        {
            Lookups.Add(1, Miss);
            return ValueTask.FromResult<byte[]?>(null);
        }

        if (!IsCurrent(entry.Generations) || entry.ExpiresAt <= _time.GetUtcNow())
        {
            _cache.Remove(key);
            Lookups.Add(1, Stale);
            return ValueTask.FromResult<byte[]?>(null);
        }

        Lookups.Add(1, Hit);
        return ValueTask.FromResult<byte[]?>(entry.Value);
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var generations = Parse(tags);
        if (validFor > TimeSpan.Zero && IsCurrent(generations))
        {
            _cache.Set(key, new Entry(value, generations, _time.GetUtcNow() + validFor), new MemoryCacheEntryOptions
            {
                Size = value.Length + key.Length * 2 + 64,
                AbsoluteExpirationRelativeToNow = validFor,
            });
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Marks the region named by <paramref name="tag"/> changed (the output cache's own eviction API).</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        _generations.Invalidate([tag.Split('@')[0]], "local");
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _cache.Dispose();

    private bool IsCurrent((string Region, long Generation)[] generations)
    {
        foreach (var (region, generation) in generations)
        {
            if (_generations.Current(region) != generation)
            {
                return false;
            }
        }

        return true;
    }

    private static (string Region, long Generation)[] Parse(string[]? tags)
    {
        if (tags is null || tags.Length == 0)
        {
            return [];
        }

        var result = new List<(string, long)>(tags.Length);
        foreach (var tag in tags)
        {
            var at = tag.LastIndexOf('@');
            if (at > 0 && long.TryParse(tag.AsSpan(at + 1), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var generation))
            {
                result.Add((tag[..at], generation));
            }
        }

        return [.. result];
    }

    private sealed record Entry(byte[] Value, (string Region, long Generation)[] Generations, DateTimeOffset ExpiresAt);
}
