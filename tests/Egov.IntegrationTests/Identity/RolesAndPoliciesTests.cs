using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Egov.SharedKernel.Security;
using Egov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Identity;

/// <summary>
/// Real tokens from the development provider for every seeded user; <c>/api/v1/me</c> and every
/// capability policy of the host, probed through endpoints this test adds.
/// </summary>
public sealed class RolesAndPoliciesTests(RolesAndPoliciesTests.Factory factory) : IClassFixture<RolesAndPoliciesTests.Factory>
{
    public static TheoryData<string, string, string, string?, string?> Users => new()
    {
        { "erika", EgovRealms.Citizen, EgovRoles.Citizen, null, AssuranceLevels.Substantial },
        { "max", EgovRealms.Citizen, EgovRoles.Citizen, null, AssuranceLevels.Basic },
        { "caseworker", EgovRealms.Staff, EgovRoles.Caseworker, "public-order", null },
        { "caseworker2", EgovRealms.Staff, EgovRoles.Caseworker, "citizen-services", null },
        { "editor", EgovRealms.Staff, EgovRoles.Editor, "communications", null },
        { "approver", EgovRealms.Staff, EgovRoles.Approver, "press-office", null },
        { "crisis", EgovRealms.Staff, EgovRoles.CrisisManager, "crisis-management", null },
        { "admin", EgovRealms.Staff, EgovRoles.Administrator, "it", null },
    };

    /// <summary>Which seeded users each policy admits; everybody else gets 403.</summary>
    public static TheoryData<string, string[]> PolicyMatrix => new()
    {
        { EgovPolicies.Authenticated, ["erika", "max", "caseworker", "caseworker2", "editor", "approver", "crisis", "admin"] },
        { EgovPolicies.FileApplications, ["erika", "max"] },
        { EgovPolicies.Staff, ["caseworker", "caseworker2", "editor", "approver", "crisis", "admin"] },
        { EgovPolicies.HandleCases, ["caseworker", "caseworker2", "admin"] },
        { EgovPolicies.EditContent, ["editor"] },
        { EgovPolicies.ApproveContent, ["approver"] },
        { EgovPolicies.IssueAlerts, ["crisis"] },
        { EgovPolicies.Administer, ["admin"] },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Me_WithTokenFromDevelopmentProvider_DescribesTheUser(
        string userName, string realm, string role, string? department, string? assurance)
    {
        using var client = factory.CreateClient();
        var token = await Tokens.PasswordGrantAsync(client, userName);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal($"dev-{(realm == EgovRealms.Citizen ? "citizen" : "staff")}-{userName}", me.GetProperty("subject").GetString());
        Assert.Equal(factory.PublicBaseAddress.ToString(), me.GetProperty("issuer").GetString());
        Assert.Equal(realm, me.GetProperty("realm").GetString());
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(department, me.GetProperty("department").GetString());
        Assert.Equal(assurance, me.GetProperty("assuranceLevel").GetString());
    }

    [Fact]
    public async Task Me_ForAStaffMemberOfTwoDepartments_ListsBoth()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.PasswordGrantAsync(client, "caseworker"));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(["public-order", "finance"], me.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("public-order", me.GetProperty("department").GetString());
    }

    [Theory]
    [MemberData(nameof(PolicyMatrix))]
    public async Task Policy_ForEverySeededUser_AdmitsExactlyItsRoles(string policy, string[] admitted)
    {
        foreach (var userName in DevelopmentUserNames)
        {
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenForAsync(userName));

            var response = await client.GetAsync($"/api/v1/_probe/policy/{policy}", TestContext.Current.CancellationToken);

            var expected = admitted.Contains(userName) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{userName} on {policy}: expected {expected}, got {response.StatusCode}");
            if (expected == HttpStatusCode.Forbidden)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                Assert.Equal(403, problem.RootElement.GetProperty("status").GetInt32());
            }
        }
    }

    [Fact]
    public async Task Policy_WithoutToken_Returns401ProblemNotARedirect()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/api/v1/_probe/policy/{EgovPolicies.FileApplications}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClientCredentials_ServiceToken_IsAuthenticatedButHoldsNoRole()
    {
        using var client = factory.CreateClient();
        var token = await Tokens.ClientCredentialsAsync(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken);
        var staffOnly = await client.GetAsync($"/api/v1/_probe/policy/{EgovPolicies.Staff}", TestContext.Current.CancellationToken);

        Assert.Equal("egov-service", me.GetProperty("subject").GetString());
        Assert.Empty(me.GetProperty("roles").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, staffOnly.StatusCode);
    }

    [Fact]
    public async Task PasswordGrant_WithWrongPassword_IsRefused()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "egov-cli", ["username"] = "admin", ["password"] = "letmein",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_grant", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordGrant_ForAClientOtherThanCli_IsRefused()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "egov-mobile", ["username"] = "admin", ["password"] = "admin",
        }), TestContext.Current.CancellationToken);

        Assert.False(response.IsSuccessStatusCode);
        Assert.DoesNotContain("access_token", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static readonly string[] DevelopmentUserNames = ["erika", "max", "caseworker", "caseworker2", "editor", "approver", "crisis", "admin"];

    public sealed class Factory : EgovApplicationFactory
    {
        private readonly Dictionary<string, string> _tokens = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        /// <summary>One real token per user, fetched once for the class.</summary>
        public async Task<string> TokenForAsync(string userName)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_tokens.TryGetValue(userName, out var token))
                {
                    using var client = CreateClient();
                    token = _tokens[userName] = await Tokens.PasswordGrantAsync(client, userName);
                }

                return token;
            }
            finally
            {
                _gate.Release();
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PolicyProbes>());
        }
    }

    private sealed class PolicyProbes : IStartupFilter
    {
        private static readonly string[] Policies =
        [
            EgovPolicies.Authenticated, EgovPolicies.FileApplications, EgovPolicies.Staff, EgovPolicies.HandleCases,
            EgovPolicies.EditContent, EgovPolicies.ApproveContent, EgovPolicies.IssueAlerts, EgovPolicies.Administer,
        ];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseEndpoints(endpoints =>
            {
                foreach (var policy in Policies)
                {
                    endpoints.MapGet($"/api/v1/_probe/policy/{policy}", () => Results.Ok(policy)).RequireAuthorization(policy);
                }
            });
        };
    }
}
