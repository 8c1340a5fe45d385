using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Egov.Modules.Mobile.Engines.PushCrypto;

/// <summary>
/// Message encryption for Web Push (RFC 8291) in the <c>aes128gcm</c> content coding (RFC 8188),
/// with P-256 key agreement by <see cref="P256KeyAgreement.Default"/> and .NET's HKDF and AES-GCM: per
/// message a fresh application-server key pair and a random 16-byte salt (RFC 8291 §3.1, §3.4), the
/// key derivation of RFC 8291 §3.3–3.4 and a single record (RFC 8188 §2) whose header carries the
/// salt, the record size and the application server's public key as key id (RFC 8291 §4). Safe to
/// call from many threads at once (<c>push-encryption</c> in tests/Egov.Benchmarks measures the cost
/// of a message against Lib.Net.Http.WebPush 3.3.1).
/// </summary>
internal static class WebPushEncryption
{
    /// <summary>RFC 8188 record size written into the header; one record holds any Web Push payload (at most 4 KiB, RFC 8030 §7.2).</summary>
    private const int RecordSize = 4096;

    private const int SaltLength = 16;
    private const int PublicKeyLength = 65;
    private const int TagLength = 16;
    private const int HeaderLength = SaltLength + 4 + 1 + PublicKeyLength;

    private static readonly byte[] KeyInfoPrefix = Encoding.ASCII.GetBytes("WebPush: info\0");
    private static readonly byte[] ContentEncryptionKeyInfo = Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0");
    private static readonly byte[] NonceInfo = Encoding.ASCII.GetBytes("Content-Encoding: nonce\0");

    /// <summary>
    /// The request body for one push: the RFC 8188 header (salt, record size 4096, key id = the
    /// ephemeral public key as an uncompressed P-256 point) followed by the single encrypted record.
    /// </summary>
    /// <param name="payload">The plaintext (UTF-8 JSON), at most 3,993 bytes so the record fits into 4 KiB.</param>
    /// <param name="userAgentPublicKey">The subscription's <c>p256dh</c>: uncompressed P-256 point, 65 bytes.</param>
    /// <param name="authSecret">The subscription's <c>auth</c> secret, 16 bytes.</param>
    /// <exception cref="ArgumentException">A key of the wrong shape or a payload too long for one record.</exception>
    /// <exception cref="CryptographicException">The subscription's key is not a point on P-256.</exception>
    public static byte[] Encrypt(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> userAgentPublicKey, ReadOnlySpan<byte> authSecret) =>
        Encrypt(payload, userAgentPublicKey, authSecret, P256KeyAgreement.Default);

    /// <summary><see cref="Encrypt(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> with the given key agreement (tests compare both).</summary>
    internal static byte[] Encrypt(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> userAgentPublicKey, ReadOnlySpan<byte> authSecret, P256KeyAgreement agreement)
    {
        if (userAgentPublicKey.Length != PublicKeyLength || userAgentPublicKey[0] != 0x04)
        {
            throw new ArgumentException("p256dh must be an uncompressed P-256 point (65 bytes starting 0x04).", nameof(userAgentPublicKey));
        }

        if (authSecret.Length != 16)
        {
            throw new ArgumentException("auth must be 16 bytes.", nameof(authSecret));
        }

        if (payload.Length + 1 + TagLength > RecordSize)
        {
            throw new ArgumentException($"The payload is {payload.Length} bytes; one record holds at most {RecordSize - 1 - TagLength}.", nameof(payload));
        }

        // RFC 8291 §3.1: a new application-server key pair for this message and its ECDH secret with the user agent's key.
        Span<byte> serverPublicKey = stackalloc byte[PublicKeyLength];
        Span<byte> ecdhSecret = stackalloc byte[P256KeyAgreement.SecretLength];
        agreement.Agree(userAgentPublicKey, serverPublicKey, ecdhSecret);

        // RFC 8291 §3.3: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32).
        Span<byte> keyInfo = stackalloc byte[KeyInfoPrefix.Length + (2 * PublicKeyLength)];
        KeyInfoPrefix.CopyTo(keyInfo);
        userAgentPublicKey.CopyTo(keyInfo[KeyInfoPrefix.Length..]);
        serverPublicKey.CopyTo(keyInfo[(KeyInfoPrefix.Length + PublicKeyLength)..]);
        Span<byte> ikm = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, ikm, authSecret, keyInfo);
        CryptographicOperations.ZeroMemory(ecdhSecret);

        // RFC 8188 §2.2–2.3 (as RFC 8291 §3.4 uses it): PRK = HKDF-Extract(salt, IKM); CEK 16 bytes, NONCE 12 bytes.
        var body = new byte[HeaderLength + payload.Length + 1 + TagLength];
        var salt = body.AsSpan(0, SaltLength);
        RandomNumberGenerator.Fill(salt);
        Span<byte> prk = stackalloc byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt, prk);
        Span<byte> contentKey = stackalloc byte[16];
        Span<byte> nonce = stackalloc byte[12];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, contentKey, ContentEncryptionKeyInfo);
        HKDF.Expand(HashAlgorithmName.SHA256, prk, nonce, NonceInfo);

        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(SaltLength, 4), RecordSize);
        body[SaltLength + 4] = PublicKeyLength;
        serverPublicKey.CopyTo(body.AsSpan(SaltLength + 5));

        // The single, hence last, record: the plaintext followed by the delimiter 0x02 and no padding (RFC 8188 §2).
        var plaintext = new byte[payload.Length + 1];
        payload.CopyTo(plaintext);
        plaintext[^1] = 0x02;
        using var aes = new AesGcm(contentKey, TagLength);
        aes.Encrypt(nonce, plaintext, body.AsSpan(HeaderLength, plaintext.Length), body.AsSpan(HeaderLength + plaintext.Length, TagLength));
        CryptographicOperations.ZeroMemory(contentKey);
        return body;
    }
}
