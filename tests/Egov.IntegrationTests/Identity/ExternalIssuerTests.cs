using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Egov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// Trusted external issuers found through discovery over real HTTP: a Keycloak-like staff realm and
/// a citizen-account provider, each a small Kestrel server on 127.0.0.1 serving its discovery
/// document and JWKS, whose tokens the host validates and normalises.
/// </summary>
public sealed class ExternalIssuerTests(ExternalIssuerTests.Factory factory) : IClassFixture<ExternalIssuerTests.Factory>
{
    [Fact]
    public async Task KeycloakToken_WithRealmAccessRoles_IsMappedToEgovRolesAndDepartment()
    {
        var token = factory.Keycloak.Issue(new Dictionary<string, object>
        {
            ["sub"] = "6f1c2a4e-kc-user",
            ["name"] = "Kai Keycloak",
            ["department"] = "public-order",
            ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "egov-caseworker", "offline_access", "uma_authorization" } },
        });

        var me = await MeAsync(token);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("6f1c2a4e-kc-user", me.Body.GetProperty("subject").GetString());
        Assert.Equal("staff", me.Body.GetProperty("realm").GetString());
        Assert.Equal(["Caseworker"], me.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("public-order", me.Body.GetProperty("department").GetString());
    }

    [Fact]
    public async Task CitizenAccountToken_WithStorkLevel4_GetsAssuranceAndNoStaffRole()
    {
        var token = factory.CitizenAccount.Issue(new Dictionary<string, object>
        {
            ["sub"] = "bund-id-4711",
            ["acr"] = "STORK-QAA-Level-4",
            ["role"] = new[] { "Citizen", "Administrator" },
        });

        var me = await MeAsync(token);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("citizen", me.Body.GetProperty("realm").GetString());
        Assert.Equal("high", me.Body.GetProperty("assuranceLevel").GetString());
        // A citizen-account provider cannot make anybody an administrator of the city.
        Assert.Equal(["Citizen"], me.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task CitizenAccountToken_WithoutAnyRole_IsACitizen()
    {
        var token = factory.CitizenAccount.Issue(new Dictionary<string, object> { ["sub"] = "bund-id-0815", ["acr"] = "STORK-QAA-Level-3" });

        var me = await MeAsync(token);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(["Citizen"], me.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("substantial", me.Body.GetProperty("assuranceLevel").GetString());
    }

    [Fact]
    public async Task KeycloakToken_ClaimingTheCitizenRole_GetsNoCitizenRole()
    {
        var token = factory.Keycloak.Issue(new Dictionary<string, object>
        {
            ["sub"] = "kc-2",
            ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "Citizen", "egov-caseworker" } },
        });

        var me = await MeAsync(token);

        Assert.Equal(["Caseworker"], me.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task CitizenAccountToken_SignedWithTheKeycloakKey_Is401()
    {
        var forged = factory.Keycloak.Issue(new Dictionary<string, object> { ["sub"] = "x", ["role"] = "Citizen" }, issuer: factory.CitizenAccount.Issuer);

        var me = await MeAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> MeAsync(string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        var body = response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)
            : default;
        return (response.StatusCode, body);
    }

    public sealed class Factory : EgovApplicationFactory
    {
        public FakeIssuer Keycloak { get; } = new("/realms/staff");

        public FakeIssuer CitizenAccount { get; } = new("/citizen");

        public override async ValueTask InitializeAsync()
        {
            await Keycloak.StartAsync();
            await CitizenAccount.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Keycloak.DisposeAsync();
            await CitizenAccount.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Identity:TrustedIssuers:0:Name", "keycloak-staff");
            builder.UseSetting("Identity:TrustedIssuers:0:Authority", Keycloak.Issuer);
            builder.UseSetting("Identity:TrustedIssuers:0:Realm", "staff");
            builder.UseSetting("Identity:TrustedIssuers:0:RequireHttpsMetadata", "false");
            builder.UseSetting("Identity:TrustedIssuers:0:Claims:Roles", "realm_access.roles");
            builder.UseSetting("Identity:TrustedIssuers:0:RoleMap:egov-caseworker", "Caseworker");
            builder.UseSetting("Identity:TrustedIssuers:1:Name", "citizen-account");
            builder.UseSetting("Identity:TrustedIssuers:1:Authority", CitizenAccount.Issuer);
            builder.UseSetting("Identity:TrustedIssuers:1:Realm", "citizen");
            builder.UseSetting("Identity:TrustedIssuers:1:RequireHttpsMetadata", "false");
        }
    }

    /// <summary>An OpenID provider reduced to what a relying party reads: discovery and JWKS, on 127.0.0.1.</summary>
    public sealed class FakeIssuer(string path) : IAsyncDisposable
    {
        private readonly RSA _rsa = RSA.Create(2048);
        private WebApplication? _app;

        public string Issuer { get; private set; } = "";

        private RsaSecurityKey Key => new(_rsa) { KeyId = "kid-1" };

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _app = builder.Build();
            _app.MapGet($"{path}/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{Issuer}/certs",
                ["authorization_endpoint"] = $"{Issuer}/auth",
                ["token_endpoint"] = $"{Issuer}/token",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            _app.MapGet($"{path}/certs", () =>
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "kid-1" });
                return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
            });
            await _app.StartAsync();
            var address = _app.Urls.First();
            Issuer = $"{address}{path}";
        }

        public string Issue(Dictionary<string, object> claims, string? issuer = null) =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer ?? Issuer,
                Audience = "egov-api",
                Claims = claims,
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            });

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            _rsa.Dispose();
        }
    }
}
