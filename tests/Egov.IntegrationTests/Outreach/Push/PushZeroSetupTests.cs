using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Egov.IntegrationTests.Outreach.Push;

/// <summary>Web Push works on `dotnet run` without configuration: Development makes a VAPID key pair once and keeps it.</summary>
public sealed class PushZeroSetupTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("egov-push-zero-setup-").FullName;

    [Fact]
    public async Task Development_WithoutVapidKeys_GeneratesAPairOnce_AndKeepsItAcrossRestarts()
    {
        var first = await PublicKeyAsync();
        var second = await PublicKeyAsync();

        Assert.Equal(first, second);
        Assert.Equal(65, System.Buffers.Text.Base64Url.DecodeFromChars(first).Length);
        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "push-vapid-development.json")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private async Task<string> PublicKeyAsync()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.UseContentRoot(_contentRoot).UseEnvironment("Development"));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/v1/push/vapid-public-key", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("publicKey").GetString()!;
    }
}
