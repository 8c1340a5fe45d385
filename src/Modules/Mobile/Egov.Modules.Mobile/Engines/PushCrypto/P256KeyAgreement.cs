using System.Security.Cryptography;

namespace Egov.Modules.Mobile.Engines.PushCrypto;

/// <summary>
/// The ECDH step of RFC 8291 §3.1: a fresh P-256 key pair for one message and its shared secret
/// with the user agent's public key. Two implementations give the same result:
/// <see cref="OpenSslP256KeyAgreement"/> (OpenSSL 3's EVP interface directly, on Linux) and
/// <see cref="DotNetP256KeyAgreement"/> (.NET's <see cref="ECDiffieHellman"/>, everywhere else).
/// ADR 0029 explains why the first exists: .NET checks the same public key twice per message with a
/// scalar multiplication each time, which made key agreement two thirds of a push's CPU.
/// </summary>
internal abstract class P256KeyAgreement
{
    /// <summary>Length of an uncompressed P-256 point (SEC 1 §2.3.3): <c>0x04 ‖ X (32) ‖ Y (32)</c>.</summary>
    public const int PointLength = 65;

    /// <summary>Length of the ECDH shared secret: the X coordinate of the shared point (SEC 1 §3.3.1).</summary>
    public const int SecretLength = 32;

    /// <summary>OpenSSL's EVP interface where libcrypto 3 can be loaded, else .NET's.</summary>
    public static P256KeyAgreement Default { get; } = (P256KeyAgreement?)OpenSslP256KeyAgreement.TryCreate() ?? new DotNetP256KeyAgreement();

    /// <summary>Which implementation this is (for logs and benchmarks).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Generates a key pair used for this call only, writes its public point to
    /// <paramref name="ownPoint"/> and the shared secret with <paramref name="peerPoint"/> to
    /// <paramref name="secret"/>. Safe to call from many threads at once.
    /// </summary>
    /// <param name="peerPoint">The user agent's key (<c>p256dh</c>): an uncompressed point, 65 bytes starting 0x04.</param>
    /// <param name="ownPoint">Receives the new public key as an uncompressed point (65 bytes).</param>
    /// <param name="secret">Receives the shared secret (32 bytes).</param>
    /// <exception cref="ArgumentException">A span of the wrong length, or a point not in uncompressed form.</exception>
    /// <exception cref="CryptographicException"><paramref name="peerPoint"/> is not a point on P-256, or the library failed.</exception>
    public void Agree(ReadOnlySpan<byte> peerPoint, Span<byte> ownPoint, Span<byte> secret)
    {
        if (peerPoint.Length != PointLength || peerPoint[0] != 0x04)
        {
            throw new ArgumentException("The peer's key must be an uncompressed P-256 point (65 bytes starting 0x04).", nameof(peerPoint));
        }

        if (ownPoint.Length != PointLength)
        {
            throw new ArgumentException("The public key takes 65 bytes.", nameof(ownPoint));
        }

        if (secret.Length != SecretLength)
        {
            throw new ArgumentException("The shared secret takes 32 bytes.", nameof(secret));
        }

        AgreeCore(peerPoint, ownPoint, secret);
    }

    /// <summary><see cref="Agree"/> with the lengths checked.</summary>
    protected abstract void AgreeCore(ReadOnlySpan<byte> peerPoint, Span<byte> ownPoint, Span<byte> secret);
}

/// <summary>.NET's <see cref="ECDiffieHellman"/> (OpenSSL, CNG or Apple's, by platform).</summary>
internal sealed class DotNetP256KeyAgreement : P256KeyAgreement
{
    public override string Name => ".NET ECDiffieHellman";

    protected override void AgreeCore(ReadOnlySpan<byte> peerPoint, Span<byte> ownPoint, Span<byte> secret)
    {
        using var peer = Import(peerPoint);
        using var own = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = own.ExportParameters(false).Q;
        ownPoint[0] = 0x04;
        q.X.CopyTo(ownPoint[1..]);
        q.Y.CopyTo(ownPoint[33..]);

        // PublicKey makes a new handle-owning object on every call: disposed here rather than by the
        // finalizer thread, which otherwise serialises the release of one OpenSSL key per push.
        using var peerKey = peer.PublicKey;
        var shared = own.DeriveRawSecretAgreement(peerKey);
        shared.CopyTo(secret);
        CryptographicOperations.ZeroMemory(shared);
    }

    /// <summary>A public key from its uncompressed point (65 bytes); .NET checks that it lies on P-256.</summary>
    /// <exception cref="CryptographicException">The point is not on P-256.</exception>
    internal static ECDiffieHellman Import(ReadOnlySpan<byte> point) => ECDiffieHellman.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() },
    });
}
