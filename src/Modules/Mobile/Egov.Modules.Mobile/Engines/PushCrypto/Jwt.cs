using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Egov.Modules.Mobile.Engines.PushCrypto;

/// <summary>The compact JWS (RFC 7515) of the two push provider tokens: RS256 for Google's OAuth, ES256 for APNs.</summary>
internal static class Jwt
{
    public static string SignRs256(RSA key, object claims)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = Input(new { alg = "RS256", typ = "JWT" }, claims);
        return input + "." + Base64Url.EncodeToString(key.SignData(System.Text.Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static string SignEs256(ECDsa key, string keyId, object claims)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = Input(new { alg = "ES256", kid = keyId }, claims);

        // JWS wants the raw r ‖ s signature (RFC 7518 §3.4), which is .NET's default format.
        return input + "." + Base64Url.EncodeToString(key.SignData(System.Text.Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }

    private static string Input(object header, object claims) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
}
