using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Egov.Testing.Fakes;

/// <summary>
/// The receiver's side of Egov's signed requests as the documentation describes it (docs/modules/outreach.md,
/// "Webhook signature"), written from the documentation and not from Egov's code: HMAC-SHA256 of
/// <c>"{Egov-Timestamp}." + body</c> under the shared secret, lower-case hex after <c>v1=</c>, compared in
/// constant time; the timestamp within the tolerance of now.
/// </summary>
public static class ReceiverSignature
{
    /// <summary>Whether <paramref name="signatureHeader"/> holds a matching <c>v1=</c> value and <paramref name="timestamp"/> is recent.</summary>
    public static bool IsAuthentic(string secret, TimeSpan tolerance, string timestamp, byte[] body, string signatureHeader)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        byte[] signed = [.. Encoding.ASCII.GetBytes(timestamp + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return signatureHeader.Split(',', StringSplitOptions.TrimEntries)
            .Where(value => value.StartsWith("v1=", StringComparison.Ordinal))
            .Any(value => CryptographicOperations.FixedTimeEquals(expected, Hex(value[3..])));
    }

    private static byte[] Hex(string value)
    {
        var bytes = new byte[32];
        return Convert.FromHexString(value, bytes, out _, out var written) == OperationStatus.Done && written == bytes.Length ? bytes : [];
    }
}
