using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Egov.Modules.Mobile.Engines.PushCrypto;

namespace Egov.Modules.Mobile.Tests.Engines.PushCrypto;

/// <summary>
/// Web Push message encryption (RFC 8291, <c>aes128gcm</c> of RFC 8188), checked by decrypting as the browser (the
/// user agent) does — the receiving side written here from the RFC, independently of the engine.
/// </summary>
public sealed class WebPushEncryptionTests
{
    [Fact]
    public void Encrypt_WhenDecryptedByTheUserAgent_GivesThePayloadBack()
    {
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var auth = RandomNumberGenerator.GetBytes(16);
        var payload = Encoding.UTF8.GetBytes("""{"title":"Unwetterwarnung","body":"Sturmböen bis 100 km/h"}""");

        var body = WebPushEncryption.Encrypt(payload, PublicPoint(userAgent), auth);

        Assert.Equal(payload, Decrypt(body, userAgent, auth));
    }

    [Theory]
    [MemberData(nameof(P256KeyAgreementTests.Implementations), MemberType = typeof(P256KeyAgreementTests))]
    public void Encrypt_WithEitherKeyAgreement_DecryptsForTheUserAgent(string implementation)
    {
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var auth = RandomNumberGenerator.GetBytes(16);
        var payload = Encoding.UTF8.GetBytes("""{"type":"alert","title":"Hochwasser","body":"Pegel Isar über 4 m"}""");

        var body = WebPushEncryption.Encrypt(payload, PublicPoint(userAgent), auth, P256KeyAgreementTests.Implementation(implementation));

        Assert.Equal(payload, Decrypt(body, userAgent, auth));
    }

    [Fact]
    public void Encrypt_WritesTheRecordSizeAndTheServersKeyIntoTheHeader()
    {
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        var body = WebPushEncryption.Encrypt("x"u8, PublicPoint(userAgent), RandomNumberGenerator.GetBytes(16));

        // RFC 8188 §2.1: salt (16) ‖ rs (uint32) ‖ idlen (1) ‖ keyid; RFC 8291 §4: the key id is the 65-byte point.
        Assert.Equal(4096u, BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4)));
        Assert.Equal(65, body[20]);
        Assert.Equal(0x04, body[21]);
        Assert.Equal(16 + 4 + 1 + 65 + 1 + 1 + 16, body.Length);
    }

    [Fact]
    public void Encrypt_TwiceTheSamePayload_UsesAFreshSaltAndKeyEachTime()
    {
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var auth = RandomNumberGenerator.GetBytes(16);

        var first = WebPushEncryption.Encrypt("same"u8, PublicPoint(userAgent), auth);
        var second = WebPushEncryption.Encrypt("same"u8, PublicPoint(userAgent), auth);

        Assert.NotEqual(first.AsSpan(0, 16).ToArray(), second.AsSpan(0, 16).ToArray());
        Assert.NotEqual(first.AsSpan(21, 65).ToArray(), second.AsSpan(21, 65).ToArray());
    }

    [Fact]
    public void Encrypt_WhenTheKeysHaveTheWrongShape_RefusesWithArgumentException()
    {
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = PublicPoint(userAgent);

        Assert.Throws<ArgumentException>(() => WebPushEncryption.Encrypt("x"u8, point.AsSpan(1), RandomNumberGenerator.GetBytes(16)));
        Assert.Throws<ArgumentException>(() => WebPushEncryption.Encrypt("x"u8, point, RandomNumberGenerator.GetBytes(15)));
    }

    [Fact]
    public void Encrypt_WhenThePayloadDoesNotFitOneRecord_RefusesWithArgumentException()
    {
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = PublicPoint(userAgent);
        var auth = RandomNumberGenerator.GetBytes(16);

        // 4096 − 1 (delimiter) − 16 (tag) = 4079 bytes fit, one more does not.
        Assert.NotEmpty(WebPushEncryption.Encrypt(new byte[4079], point, auth));
        Assert.Throws<ArgumentException>(() => WebPushEncryption.Encrypt(new byte[4080], point, auth));
    }

    private static byte[] PublicPoint(ECDiffieHellman key)
    {
        var q = key.ExportParameters(false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    /// <summary>The user agent's side of RFC 8291 §3.3–3.4 and RFC 8188 §2.</summary>
    private static byte[] Decrypt(byte[] body, ECDiffieHellman userAgent, byte[] auth)
    {
        var salt = body[..16];
        var idLength = body[20];
        var serverPoint = body[21..(21 + idLength)];
        var record = body[(21 + idLength)..];

        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = serverPoint[1..33], Y = serverPoint[33..] },
        });
        using var serverKey = server.PublicKey;
        var ecdhSecret = userAgent.DeriveRawSecretAgreement(serverKey);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicPoint(userAgent), .. serverPoint];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, auth, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var contentKey = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());

        var plaintext = new byte[record.Length - 16];
        using var aes = new AesGcm(contentKey, 16);
        aes.Decrypt(nonce, record[..^16], record[^16..], plaintext);

        // The last record ends with the delimiter 0x02, after optional zero padding (RFC 8188 §2).
        var end = Array.LastIndexOf(plaintext, (byte)0x02);
        Assert.True(end >= 0 && plaintext[(end + 1)..].All(b => b == 0), "the record has no final delimiter");
        return plaintext[..end];
    }
}
