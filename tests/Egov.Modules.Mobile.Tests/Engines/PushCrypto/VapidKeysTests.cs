using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Egov.Modules.Mobile.Engines.PushCrypto;

namespace Egov.Modules.Mobile.Tests.Engines.PushCrypto;

/// <summary>P-256 keys in Web Push encodings (RFC 8291 §3.1, RFC 8292 §3.2) and the provider tokens' JWS (RFC 7515).</summary>
public sealed class VapidKeysTests
{
    [Fact]
    public void Generate_GivesAPairThatIsOne()
    {
        var (publicKey, privateKey) = VapidKeys.Generate();

        Assert.True(VapidKeys.IsPublicKey(publicKey));
        Assert.True(VapidKeys.IsKeyPair(publicKey, privateKey));
        Assert.Equal(65, VapidKeys.Decode(publicKey)!.Length);
        Assert.Equal(32, VapidKeys.Decode(privateKey)!.Length);
    }

    [Fact]
    public void IsKeyPair_OfTheHalvesOfTwoPairs_IsFalse()
    {
        var one = VapidKeys.Generate();
        var other = VapidKeys.Generate();

        Assert.False(VapidKeys.IsKeyPair(one.PublicKey, other.PrivateKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64url!")]
    [InlineData("BAAA")]
    public void IsPublicKey_OfAnythingButAnUncompressedPoint_IsFalse(string? text) =>
        Assert.False(VapidKeys.IsPublicKey(text));

    [Fact]
    public void IsPublicKey_OfSixtyFiveBytesOffTheCurve_IsFalse()
    {
        var point = new byte[65];
        point[0] = 0x04;
        point[64] = 1;

        Assert.False(VapidKeys.IsPublicKey(Base64Url.EncodeToString(point)));
    }

    [Fact]
    public void Decode_ToleratesPaddingAndSurroundingBlanks()
    {
        Assert.Equal("ab"u8.ToArray(), VapidKeys.Decode(" YWI= "));
    }

    [Fact]
    public void SignEs256_GivesACompactJwsThatTheKeyVerifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var token = Jwt.SignEs256(key, "KEY123", new { iss = "TEAM", iat = 1_700_000_000 });

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("""{"alg":"ES256","kid":"KEY123"}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256));
    }
}
