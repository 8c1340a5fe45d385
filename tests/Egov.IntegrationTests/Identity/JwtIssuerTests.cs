using System.Security.Cryptography;
using System.Text;
using Egov.Host.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// <see cref="JwtIssuer"/>, which picks the bearer scheme by the token's <c>iss</c> without parsing
/// the whole token: it must read what a real token handler writes and nothing else.
/// </summary>
public sealed class JwtIssuerTests
{
    [Fact]
    public void Read_SignedTokenOfTheHandler_IsItsIssuer()
    {
        using var rsa = RSA.Create(2048);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://id.example.de/realms/stadt",
            Audience = "egov-api",
            Claims = new Dictionary<string, object> { ["sub"] = "erika", ["auth_time"] = "2026-12-08T10:00:00Z", ["name"] = "Erika Mustermann" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });

        Assert.Equal("https://id.example.de/realms/stadt", JwtIssuer.Read(token));
    }

    [Fact]
    public void Read_LargePayload_IsReadFromAPooledBuffer()
    {
        var payload = "{\"groups\":[" + string.Join(',', Enumerable.Range(0, 300).Select(i => $"\"gruppe-{i}\"")) + "],\"iss\":\"https://citizen.example\"}";

        Assert.Equal("https://citizen.example", JwtIssuer.Read(Compact("""{"alg":"RS256"}""", payload)));
    }

    [Theory]
    [InlineData("""{"sub":"erika"}""")]
    [InlineData("""{"iss":42}""")]
    [InlineData("""{"iss":null}""")]
    [InlineData("""{"claims":{"iss":"https://nested.example"}}""")]
    [InlineData("""["iss","https://array.example"]""")]
    [InlineData("""{"iss":"https://cut.exa""")]
    public void Read_PayloadWithoutATopLevelIssuerString_IsNull(string payload) =>
        Assert.Null(JwtIssuer.Read(Compact("""{"alg":"RS256"}""", payload)));

    [Fact]
    public void Read_IssuerAfterNestedObjects_IsTheTopLevelOne() =>
        Assert.Equal("https://top.example", JwtIssuer.Read(Compact("""{"alg":"RS256"}""",
            """{"realm_access":{"roles":["caseworker"],"iss":"https://nested.example"},"iss":"https://top.example"}""")));

    [Theory]
    [InlineData("")]
    [InlineData("no-dots-at-all")]
    [InlineData("one.dot")]
    [InlineData("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!not-base64url!!!.sig")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9..sig")]
    public void Read_NotASignedCompactToken_IsNull(string token) =>
        Assert.Null(JwtIssuer.Read(token));

    private static string Compact(string header, string payload) =>
        $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header))}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.c2lnbmF0dXJl";
}
