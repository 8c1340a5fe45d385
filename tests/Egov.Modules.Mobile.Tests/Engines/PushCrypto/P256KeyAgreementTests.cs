using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Egov.Modules.Mobile.Engines.PushCrypto;

namespace Egov.Modules.Mobile.Tests.Engines.PushCrypto;

/// <summary>
/// The ECDH step of RFC 8291 §3.1 in both implementations (ADR 0029): each must give the secret the
/// user agent derives with .NET on its side, a new key pair per call, and refuse a point that is not on P-256.
/// </summary>
public sealed class P256KeyAgreementTests
{
    public static TheoryData<string> Implementations => ["OpenSSL", ".NET"];

    [Fact]
    public void Default_OnLinuxWithLibcrypto3_IsTheOpenSslImplementation()
    {
        var libcrypto3 = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libcrypto.so.3", out _);

        Assert.Equal(libcrypto3, P256KeyAgreement.Default is OpenSslP256KeyAgreement);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Agree_GivesTheSecretTheUserAgentDerives(string implementation)
    {
        var agreement = Implementation(implementation);
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ownPoint = new byte[65];
        var secret = new byte[32];

        agreement.Agree(Point(userAgent), ownPoint, secret);

        Assert.Equal(0x04, ownPoint[0]);
        using var server = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = ownPoint[1..33], Y = ownPoint[33..] } });
        using var serverKey = server.PublicKey;
        Assert.Equal(userAgent.DeriveRawSecretAgreement(serverKey), secret);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Agree_MakesANewKeyPairEveryTime(string implementation)
    {
        var agreement = Implementation(implementation);
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = Point(userAgent);
        var (first, second) = (new byte[65], new byte[65]);
        var (firstSecret, secondSecret) = (new byte[32], new byte[32]);

        agreement.Agree(point, first, firstSecret);
        agreement.Agree(point, second, secondSecret);

        Assert.NotEqual(first, second);
        Assert.NotEqual(firstSecret, secondSecret);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Agree_WhenThePeersPointIsNotOnTheCurve_RefusesWithCryptographicException(string implementation)
    {
        var agreement = Implementation(implementation);
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = Point(userAgent);
        point[64] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => agreement.Agree(point, new byte[65], new byte[32]));

        // The thread's OpenSSL error queue is left clean: .NET's next operation on it still works.
        using var next = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal(32, next.ExportParameters(false).Q.X!.Length);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Agree_WhenACoordinateIsNotBelowTheFieldPrime_RefusesWithCryptographicException(string implementation)
    {
        var agreement = Implementation(implementation);
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = Point(userAgent);
        // X = 2^256 − 1 is larger than P-256's prime p (SEC 2 §2.4.2), so no point has it.
        point.AsSpan(1, 32).Fill(0xFF);

        Assert.ThrowsAny<CryptographicException>(() => agreement.Agree(point, new byte[65], new byte[32]));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Agree_WhenASpanHasTheWrongLength_RefusesWithArgumentException(string implementation)
    {
        var agreement = Implementation(implementation);
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = Point(userAgent);

        Assert.Throws<ArgumentException>(() => agreement.Agree(point.AsSpan(1), new byte[65], new byte[32]));
        Assert.Throws<ArgumentException>(() => agreement.Agree(point, new byte[64], new byte[32]));
        Assert.Throws<ArgumentException>(() => agreement.Agree(point, new byte[65], new byte[31]));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Agree_FromManyThreadsAtOnce_EveryResultMatches(string implementation)
    {
        var agreement = Implementation(implementation);
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = Point(userAgent);
        var mismatches = 0;

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            var ownPoint = new byte[65];
            var secret = new byte[32];
            agreement.Agree(point, ownPoint, secret);
            using var server = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = ownPoint[1..33], Y = ownPoint[33..] } });
            using var serverKey = server.PublicKey;
            if (!userAgent.DeriveRawSecretAgreement(serverKey).AsSpan().SequenceEqual(secret))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    /// <summary>The named implementation; OpenSSL must load where the tests run (Linux with libcrypto 3, as in CI).</summary>
    internal static P256KeyAgreement Implementation(string name) => name switch
    {
        "OpenSSL" => OpenSslP256KeyAgreement.TryCreate() ?? throw new InvalidOperationException("libcrypto 3 could not be used on this machine"),
        _ => new DotNetP256KeyAgreement(),
    };

    private static byte[] Point(ECDiffieHellman key)
    {
        var q = key.ExportParameters(false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }
}
