using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// Every forged, altered or misdirected token is refused with 401. Tokens are derived from a real
/// token of the development provider, or minted with its real key where the defect is in the claims;
/// a control test shows that a minted token without the defect is accepted, so each refusal is
/// caused by the defect named.
/// </summary>
public sealed class BadTokenTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private const string Evil = "https://evil.example/";

    [Fact]
    public async Task RealToken_FromDevelopmentProvider_IsAccepted()
    {
        var token = await RealTokenAsync();

        Assert.Equal(HttpStatusCode.OK, await CallMeAsync(token));
    }

    [Fact]
    public async Task MintedControl_WithEverythingRight_IsAccepted()
    {
        Assert.Equal(HttpStatusCode.OK, await CallMeAsync(Mint()));
    }

    [Fact]
    public async Task Token_ExpiredWithinClockSkew_IsAccepted()
    {
        var now = DateTime.UtcNow;

        Assert.Equal(HttpStatusCode.OK, await CallMeAsync(Mint(notBefore: now.AddMinutes(-10), expires: now.AddSeconds(-10))));
    }

    [Fact]
    public async Task Token_WithAlgNone_Is401()
    {
        var (_, payload, _) = Split(await RealTokenAsync());
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");

        await AssertRefusedAsync($"{header}.{payload}.");
    }

    [Fact]
    public async Task Token_WithWrongSignature_Is401()
    {
        var (header, payload, _) = Split(await RealTokenAsync());
        using var other = RSA.Create(2048);
        var signature = other.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        await AssertRefusedAsync($"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}");
    }

    [Fact]
    public async Task Token_WithPayloadTamperedAfterSigning_Is401()
    {
        var (header, payload, signature) = Split(await RealTokenAsync());
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(payload))!.AsObject();
        claims["role"] = "Administrator";

        await AssertRefusedAsync($"{header}.{Base64UrlEncoder.Encode(claims.ToJsonString())}.{signature}");
    }

    [Fact]
    public async Task Token_Hs256SignedWithTheProvidersPublicKey_Is401()
    {
        var (_, payload, _) = Split(await RealTokenAsync());
        var key = SigningKey();
        var publicKey = ((X509SecurityKey)key).Certificate.GetRSAPublicKey()!.ExportSubjectPublicKeyInfo();
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "HS256", typ = "at+jwt", kid = key.KeyId }));
        var signature = HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes($"{header}.{payload}"));

        await AssertRefusedAsync($"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}");
    }

    [Fact]
    public async Task Token_WithKeyIdNotInJwks_Is401()
    {
        using var other = RSA.Create(2048);

        await AssertRefusedAsync(Mint(key: new RsaSecurityKey(other) { KeyId = "not-in-the-jwks" }));
    }

    [Fact]
    public async Task Token_ExpiredBeyondClockSkew_Is401()
    {
        var now = DateTime.UtcNow;

        await AssertRefusedAsync(Mint(notBefore: now.AddMinutes(-10), expires: now.AddSeconds(-60)));
    }

    [Fact]
    public async Task Token_NotYetValid_Is401()
    {
        var now = DateTime.UtcNow;

        await AssertRefusedAsync(Mint(notBefore: now.AddMinutes(2), expires: now.AddMinutes(30)));
    }

    [Fact]
    public async Task Token_WithWrongIssuer_Is401()
    {
        await AssertRefusedAsync(Mint(issuer: Evil));
    }

    [Fact]
    public async Task Token_WithWrongAudience_Is401()
    {
        await AssertRefusedAsync(Mint(audience: "some-other-api"));
    }

    [Fact]
    public async Task Token_WithoutSubject_Is401()
    {
        await AssertRefusedAsync(Mint(subject: null));
    }

    [Fact]
    public async Task Token_FromUntrustedIssuerReusingTheKeyId_Is401()
    {
        using var other = RSA.Create(2048);

        await AssertRefusedAsync(Mint(issuer: Evil, key: new RsaSecurityKey(other) { KeyId = SigningKey().KeyId }));
    }

    [Fact]
    public async Task Token_Garbage_Is401()
    {
        await AssertRefusedAsync("not.a.jwt");
    }

    private async Task AssertRefusedAsync(string token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    private async Task<HttpStatusCode> CallMeAsync(string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode;
    }

    private async Task<string> RealTokenAsync()
    {
        using var client = factory.CreateClient();
        return await Tokens.PasswordGrantAsync(client, "max");
    }

    private SecurityKey SigningKey() =>
        factory.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0].Key;

    /// <summary>A token like the provider's, with one thing changed by the caller.</summary>
    private string Mint(
        string? issuer = null,
        string audience = "egov-api",
        string? subject = "dev-citizen-max",
        DateTime? notBefore = null,
        DateTime? expires = null,
        SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["egov_realm"] = "citizen", ["role"] = "Citizen", ["name"] = "Max Mustermann" };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? factory.PublicBaseAddress.ToString(),
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now,
            Expires = expires ?? now.AddMinutes(5),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key ?? SigningKey(), SecurityAlgorithms.RsaSha256),
        });
    }

    private static (string Header, string Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        return (parts[0], parts[1], parts[2]);
    }
}
