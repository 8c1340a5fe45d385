using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Egov.SharedKernel.Http;

/// <summary>
/// The signature of Egov's outgoing signed HTTP requests (Outreach's webhook channel, the hand-off
/// push target): <c>Egov-Signature: v1=&lt;hex&gt;</c>, where hex is the lower-case
/// HMAC-SHA256 (RFC 2104, FIPS 180-4) under the receiver's shared secret (its UTF-8 bytes) of the bytes
/// <c>"{Egov-Timestamp}." + body</c>, the timestamp being the Unix seconds in <c>Egov-Timestamp</c> and the
/// body the raw request body. Signing the timestamp with the body lets a receiver refuse an old request
/// replayed (window: <see cref="DefaultTolerance"/>). Several <c>v1=</c> values, comma-separated, may
/// stand in the header while a secret is rotated; one matching is enough.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header carrying one or more <c>v1=&lt;hex&gt;</c> values.</summary>
    public const string SignatureHeader = "Egov-Signature";

    /// <summary>The header carrying the signing instant as Unix seconds.</summary>
    public const string TimestampHeader = "Egov-Timestamp";

    /// <summary>The header carrying the id that stays the same on every attempt of one delivery; receivers deduplicate on it.</summary>
    public const string DeliveryIdHeader = "Egov-Delivery-Id";

    /// <summary>The signature scheme's version prefix.</summary>
    public const string Scheme = "v1";

    /// <summary>How old (or how far in the future) a timestamp may be: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The header value <c>v1=&lt;hex&gt;</c> for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Scheme + "=" + Convert.ToHexStringLower(Mac(secret, timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>
    /// Whether a received request is authentic and recent: <paramref name="timestampHeader"/> is Unix seconds
    /// within <paramref name="tolerance"/> (default 5 minutes) of <paramref name="now"/>, and one <c>v1=</c>
    /// value of <paramref name="signatureHeader"/> equals the HMAC of the timestamp and the exact bytes received
    /// (compared in constant time).
    /// </summary>
    public static bool Verify(string secret, string? timestampHeader, ReadOnlySpan<byte> body, string? signatureHeader, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > (tolerance ?? DefaultTolerance)
            || string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        var expected = Mac(secret, timestampHeader!, body);
        var matched = false;
        foreach (var value in signatureHeader.Split(',', StringSplitOptions.TrimEntries))
        {
            if (value.StartsWith(Scheme + "=", StringComparison.Ordinal)
                && TryFromHex(value[(Scheme.Length + 1)..], out var given)
                && CryptographicOperations.FixedTimeEquals(expected, given))
            {
                matched = true;
            }
        }

        return matched;
    }

    /// <summary><see cref="Verify(string, string?, ReadOnlySpan{byte}, string?, DateTimeOffset, TimeSpan?)"/> of a body read as UTF-8 text.</summary>
    public static bool Verify(string secret, string? timestampHeader, string body, string? signatureHeader, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Verify(secret, timestampHeader, Encoding.UTF8.GetBytes(body), signatureHeader, now, tolerance);

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.ASCII.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.ASCII.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool TryFromHex(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
