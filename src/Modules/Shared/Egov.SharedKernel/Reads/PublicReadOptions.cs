namespace Egov.SharedKernel.Reads;

/// <summary>Settings of the public read cache, section <c>Egov:Reads</c> (ADR 0015).</summary>
public sealed class PublicReadOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Egov:Reads";

    /// <summary>Whether public reads are answered from the cache at all (default true; false sends every read to the database).</summary>
    public bool CacheEnabled { get; set; } = true;

    /// <summary>
    /// Memory the cached answers may take, in bytes (default 64 MiB). Bounds the variants an
    /// anonymous caller can make (query strings, languages); the least recently used go first.
    /// </summary>
    public long CacheSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The longest an answer is kept (default 10 minutes). Only a backstop: answers are invalidated
    /// by the changes themselves, and end earlier when something in them expires.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait before listening again after the invalidation channel failed (default 1 s, doubling up to 30 s).</summary>
    public TimeSpan ChannelRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
