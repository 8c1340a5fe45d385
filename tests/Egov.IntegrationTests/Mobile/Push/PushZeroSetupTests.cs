using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Mobile.Push;

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

    [Fact]
    public async Task Development_OnSqlite_RegistersAndPushesToADevice()
    {
        await using var push = await FakePushService.StartAsync();
        using var browser = push.Subscribe();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseContentRoot(_contentRoot).UseEnvironment("Development").UseSetting("Egov:Push:PollInterval", "00:00:00.200")
            // The content root has no appsettings.Development.json, which allows the fake's http endpoint.
            .UseSetting("Egov:Push:WebPush:AllowInsecureEndpoints", "true"));
        using var client = factory.CreateClient();
        var device = await Devices.RegisterAsync(client, browser.Registration("category:waste", "alerts:minor"));
        var published = Announcements.AnnouncementSamples.PublishNews("Abfuhrtermine 2027", DateTimeOffset.UtcNow, "waste");
        var issued = new Egov.Modules.Announcements.Contracts.AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(),
            "Glätte", "Minor", "Expected", "Stadtgebiet", [], DateTimeOffset.UtcNow.AddHours(1));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Egov.Modules.Announcements.Persistence.AnnouncementsDbContext>();
            db.AddIntegrationEvent(published);
            db.AddIntegrationEvent(issued);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var received = await push.WaitForAsync(browser, 2);
        var titles = received.Select(r => JsonDocument.Parse(WebPushCrypto.Decrypt(browser, r.Body)).RootElement.GetProperty("title").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["Abfuhrtermine 2027", "Glätte"], titles);
        using var read = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{device.Id}", device.Secret);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
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
