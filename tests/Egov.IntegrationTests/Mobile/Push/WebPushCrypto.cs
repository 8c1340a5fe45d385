using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// What a browser and a push service check, written from the RFCs and not from the library under
/// test: the VAPID JWT (RFC 8292) and the aes128gcm payload encryption (RFC 8291, RFC 8188).
/// </summary>
public static class WebPushCrypto
{
    /// <summary>
    /// Checks <c>Authorization: vapid t=…, k=…</c>: <c>k</c> is <paramref name="publicKey"/>, the JWT is
    /// ES256 signed with it, <c>aud</c> is the endpoint's origin, <c>exp</c> is in the future and at most
    /// 24 hours ahead (RFC 8292 §2), <c>sub</c> is <paramref name="subject"/>. Returns the claims.
    /// </summary>
    public static JsonElement VerifyVapid(string? authorization, Uri endpoint, string publicKey, string subject)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("vapid ", authorization, StringComparison.Ordinal);
        var parameters = authorization["vapid ".Length..].Split(',').Select(p => p.Trim().Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var token = parameters["t"];
        Assert.Equal(publicKey, parameters["k"].TrimEnd('='));

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = PointOf(Base64Url.DecodeFromChars(publicKey)),
        });
        var signature = Base64Url.DecodeFromChars(parts[2]);
        Assert.Equal(64, signature.Length);
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256), "the VAPID JWT's ES256 signature does not verify with the public key");

        var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone();
        Assert.Equal(endpoint.GetLeftPart(UriPartial.Authority), claims.GetProperty("aud").GetString());
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(24));
        Assert.Equal(subject, claims.GetProperty("sub").GetString());
        return claims;
    }

    /// <summary>Decrypts an <c>aes128gcm</c> body with the subscription's private key and auth secret (RFC 8291 §3.4, RFC 8188 §2).</summary>
    public static string Decrypt(BrowserSubscription subscription, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(body);

        // Header: salt (16) ‖ rs (4, big-endian) ‖ idlen (1) ‖ keyid (the sender's ephemeral public key, 65).
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        Assert.Equal(65, idLength);
        var senderPublic = body[21..(21 + idLength)];
        var ciphertext = body[(21 + idLength)..];
        Assert.True(ciphertext.Length <= recordSize, "one record expected");

        using var sender = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = PointOf(senderPublic) });
        var ecdhSecret = subscription.Key.DeriveRawSecretAgreement(sender.PublicKey);

        // IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" ‖ 0x00 ‖ ua_public ‖ as_public, 32)
        byte[] keyInfo = [.. "WebPush: info"u8, 0x00, .. subscription.PublicKey, .. senderPublic];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, subscription.AuthSecret, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, [.. "Content-Encoding: aes128gcm"u8, 0x00]);
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, [.. "Content-Encoding: nonce"u8, 0x00]);

        var plaintext = new byte[ciphertext.Length - 16];
        using (var aes = new AesGcm(cek, 16))
        {
            aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plaintext);
        }

        // The last record ends with the delimiter 0x02 and zero padding.
        var end = plaintext.Length - 1;
        while (end >= 0 && plaintext[end] == 0)
        {
            end--;
        }

        Assert.Equal(0x02, plaintext[end]);
        return Encoding.UTF8.GetString(plaintext, 0, end);
    }

    private static ECPoint PointOf(byte[] uncompressed)
    {
        Assert.Equal(65, uncompressed.Length);
        Assert.Equal(0x04, uncompressed[0]);
        return new ECPoint { X = uncompressed[1..33], Y = uncompressed[33..] };
    }
}
