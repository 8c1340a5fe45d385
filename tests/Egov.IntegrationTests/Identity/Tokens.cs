using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Egov.IntegrationTests.Identity;

/// <summary>Gets real tokens from the development provider over HTTP.</summary>
internal static class Tokens
{
    public static async Task<string> PasswordGrantAsync(HttpClient client, string userName, string? password = null)
    {
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "egov-cli",
            ["username"] = userName,
            ["password"] = password ?? userName,
            ["scope"] = "openid profile email roles offline_access egov-api",
        }), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"token request for {userName} failed: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<TokenResponse>(body)!.AccessToken;
    }

    /// <summary>A client of <paramref name="factory"/> carrying a real token of the seeded user.</summary>
    public static async Task<HttpClient> CreateClientAsAsync(this Egov.Testing.EgovApplicationFactory factory, string userName)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await PasswordGrantAsync(client, userName));
        return client;
    }

    public static async Task<TokenResponse> ClientCredentialsAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "egov-service",
            ["client_secret"] = "egov-service-development",
            ["scope"] = "egov-api",
        }), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken))!;
    }

    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
