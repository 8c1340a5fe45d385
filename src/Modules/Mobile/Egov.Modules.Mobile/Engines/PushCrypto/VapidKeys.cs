using System.Buffers.Text;
using System.Security.Cryptography;

namespace Egov.Modules.Mobile.Engines.PushCrypto;

/// <summary>P-256 keys in the encodings of Web Push: an uncompressed point (65 bytes, 0x04 ‖ X ‖ Y) and a 32-byte scalar, both base64url without padding.</summary>
internal static class VapidKeys
{
    /// <summary>A new key pair (for development; production keys come from configuration).</summary>
    public static (string PublicKey, string PrivateKey) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Base64Url.EncodeToString(parameters.D));
    }

    /// <summary>The bytes of base64url <paramref name="text"/> (padding tolerated), or null.</summary>
    public static byte[]? Decode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(text.Trim().TrimEnd('='));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="publicKey"/> is base64url of a P-256 point on the curve, uncompressed.</summary>
    public static bool IsPublicKey(string? publicKey) => ImportPublic(Decode(publicKey)) is { } key && Dispose(key);

    /// <summary>Whether the two keys are a P-256 key pair: a signature made with the private key verifies with the public one.</summary>
    public static bool IsKeyPair(string? publicKey, string? privateKey)
    {
        var d = Decode(privateKey);
        using var verifier = ImportPublic(Decode(publicKey));
        if (verifier is null || d is not { Length: 32 })
        {
            return false;
        }

        try
        {
            var q = verifier.ExportParameters(false).Q;
            using var signer = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d, Q = q });
            var probe = "egov vapid key check"u8.ToArray();
            return verifier.VerifyData(probe, signer.SignData(probe, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The P-256 public key of an uncompressed point, or null when it is none.</summary>
    public static ECDsa? ImportPublic(byte[]? point)
    {
        if (point is not { Length: 65 } || point[0] != 0x04)
        {
            return null;
        }

        try
        {
            return ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point[1..33], Y = point[33..] },
            });
        }
        catch (CryptographicException)
        {
            // Not a point on the curve.
            return null;
        }
    }

    private static bool Dispose(ECDsa key)
    {
        key.Dispose();
        return true;
    }
}
