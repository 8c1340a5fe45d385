using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;

/// <summary>
/// The record key of a delivery's Bluesky post: a TID (https://atproto.com/specs/tid; the key type of
/// <c>app.bsky.feed.post</c>) computed from the delivery alone, so every attempt writes — and looks for — the
/// same record.
/// </summary>
/// <remarks>
/// A TID is a 64-bit integer — top bit 0, then 53 bits of microseconds since the Unix epoch, then a 10-bit
/// clock identifier — written as 13 characters of base32-sortable (<c>234567abcdefghijklmnopqrstuvwxyz</c>),
/// most significant first. Here the milliseconds are the creation time in the delivery id (a UUIDv7, as
/// Egov creates its ids: <c>Guid.CreateVersion7</c>), and the sub-millisecond microseconds and the clock
/// identifier come from SHA-256 of the idempotency key, so two deliveries created in the same millisecond
/// still differ (one in a million chance to clash, and only within one account). For an id that is not a
/// UUIDv7 the milliseconds come from the hash too, within 2024.
/// The reference PDS checks a client-chosen record key's syntax only (atproto
/// <c>packages/pds/src/repo/prepare.ts</c>, <c>ensureValidRecordKey</c>); the key's time is not the post's
/// time, which is <c>createdAt</c>.
/// </remarks>
internal static class BlueskyRecordKey
{
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";
    private static readonly long FallbackEpochMilliseconds = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private const long MillisecondsPerYear = 365L * 24 * 60 * 60 * 1000;

    public static string For(Guid deliveryId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var seed = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        var milliseconds = deliveryId.Version == 7
            ? (long)(BinaryPrimitives.ReadUInt64BigEndian(deliveryId.ToByteArray(bigEndian: true)) >> 16)
            : FallbackEpochMilliseconds + (long)((seed >> 24) % MillisecondsPerYear);
        var microseconds = (ulong)milliseconds * 1000 + seed % 1000;
        var clockId = (seed >> 10) & 0x3FF;
        return Encode((microseconds << 10) | clockId);
    }

    /// <summary>13 characters of base32-sortable, most significant first; the top bit must be 0.</summary>
    public static string Encode(ulong tid)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tid, (ulong)long.MaxValue);
        Span<char> characters = stackalloc char[13];
        for (var index = 12; index >= 0; index--)
        {
            characters[index] = Alphabet[(int)(tid & 31)];
            tid >>= 5;
        }

        return new string(characters);
    }
}
