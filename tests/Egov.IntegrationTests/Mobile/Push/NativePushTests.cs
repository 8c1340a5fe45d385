using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Egov.Modules.Announcements.Contracts;
using Egov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// The FCM HTTP v1 and APNs adapters against fakes of Google's token and send endpoints and of
/// APNs (HTTP/2) on 127.0.0.1: OAuth 2.0 JWT bearer grant, message shape, priority and TTL,
/// provider token, and pruning of tokens the service calls gone.
/// </summary>
public sealed class NativePushTests(NativePushTests.NativeFactory factory) : IClassFixture<NativePushTests.NativeFactory>
{
    private const string Region = "051110000000";

    [Fact]
    public async Task Alert_ToFcmAndApnsDevices_IsSentWithProviderAuth_AndGoneTokensArePruned()
    {
        using var client = factory.CreateClient();
        var fcmToken = "fcm-token:" + Guid.NewGuid().ToString("N");
        var fcmGone = "fcm-gone:" + Guid.NewGuid().ToString("N");
        var apnsToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var apnsGone = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        factory.Fakes.GoneTokens.Add(fcmGone);
        factory.Fakes.GoneTokens.Add(apnsGone);
        string[] topics = ["alerts:minor", $"region:{Region}"];
        await Devices.RegisterAsync(client, new { platform = "fcm", endpoint = fcmToken, topics });
        var goneDevice = await Devices.RegisterAsync(client, new { platform = "fcm", endpoint = fcmGone, topics });
        await Devices.RegisterAsync(client, new { platform = "apns", endpoint = apnsToken, topics }, language: "en");
        var goneApns = await Devices.RegisterAsync(client, new { platform = "apns", endpoint = apnsGone, topics });
        var alertId = Guid.CreateVersion7();
        var issued = new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, alertId, "Bombenentschärfung", "Severe", "Immediate",
            "Düsseldorf-Derendorf", [Region], DateTimeOffset.UtcNow.AddHours(1));

        await Devices.PublishThroughOutboxAsync(factory, issued);

        var (sent, failed, pruned) = await Devices.WaitForJobAsync(factory, issued.EventId);
        Assert.Equal((2, 0, 2), (sent, failed, pruned));

        var fcm = JsonDocument.Parse(Assert.Single(factory.Fakes.FcmMessages, m => m.Contains(fcmToken, StringComparison.Ordinal))).RootElement.GetProperty("message");
        Assert.Equal("HIGH", fcm.GetProperty("android").GetProperty("priority").GetString());
        Assert.Equal(alertId.ToString("N"), fcm.GetProperty("android").GetProperty("collapse_key").GetString());
        Assert.EndsWith("s", fcm.GetProperty("android").GetProperty("ttl").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bombenentschärfung", fcm.GetProperty("notification").GetProperty("title").GetString());
        var data = JsonDocument.Parse(fcm.GetProperty("data").GetProperty("egov").GetString()!).RootElement;
        Assert.Equal("alert", data.GetProperty("type").GetString());
        Assert.Equal(1, factory.Fakes.TokenGrants);

        var apns = Assert.Single(factory.Fakes.ApnsRequests, r => r.Token == apnsToken);
        Assert.Equal("2", apns.HttpVersion);
        Assert.Equal("de.musterstadt.app", apns.Headers["apns-topic"]);
        Assert.Equal("alert", apns.Headers["apns-push-type"]);
        Assert.Equal("10", apns.Headers["apns-priority"]);
        Assert.Equal(alertId.ToString("N"), apns.Headers["apns-collapse-id"]);
        VerifyApnsProviderToken(apns.Headers["authorization"]);
        var body = JsonDocument.Parse(apns.Body).RootElement;
        Assert.Equal("Bombenentschärfung", body.GetProperty("aps").GetProperty("alert").GetProperty("title").GetString());
        Assert.Equal("alert", body.GetProperty("egov").GetProperty("type").GetString());

        using var goneRead = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{goneDevice.Id}", goneDevice.Secret);
        using var goneApnsRead = await Devices.SendAsync(client, HttpMethod.Get, $"/api/v1/devices/{goneApns.Id}", goneApns.Secret);
        Assert.Equal(HttpStatusCode.NotFound, goneRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, goneApnsRead.StatusCode);
    }

    private void VerifyApnsProviderToken(string authorization)
    {
        Assert.StartsWith("bearer ", authorization, StringComparison.OrdinalIgnoreCase);
        var parts = authorization["bearer ".Length..].Split('.');
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal(NativeFactory.ApnsKeyId, header.GetProperty("kid").GetString());
        Assert.Equal(NativeFactory.ApnsTeamId, claims.GetProperty("iss").GetString());
        Assert.True(factory.ApnsKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256));
    }

    /// <summary>A host with FCM and APNs configured against <see cref="NativeFakes"/>.</summary>
    public sealed class NativeFactory : EgovApplicationFactory
    {
        public const string ApnsTeamId = "TEAM123456";
        public const string ApnsKeyId = "KEY1234567";

        private readonly string _directory = Directory.CreateTempSubdirectory("egov-native-push-").FullName;

        public NativeFakes Fakes { get; private set; } = null!;

        public RSA GoogleKey { get; } = RSA.Create(2048);

        public ECDsa ApnsKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Fakes = await NativeFakes.StartAsync(GoogleKey);
            await File.WriteAllTextAsync(Path.Combine(_directory, "service-account.json"), JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["type"] = "service_account",
                ["client_email"] = "egov-push@musterstadt-app.iam.gserviceaccount.com",
                ["private_key"] = GoogleKey.ExportPkcs8PrivateKeyPem(),
                ["token_uri"] = new Uri(Fakes.Origin, "token").ToString(),
            }));
            await File.WriteAllTextAsync(Path.Combine(_directory, "apns.p8"), ApnsKey.ExportPkcs8PrivateKeyPem());
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Fakes.DisposeAsync();
            GoogleKey.Dispose();
            ApnsKey.Dispose();
            Directory.Delete(_directory, recursive: true);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:Push:Fcm:ProjectId", "musterstadt-app");
            builder.UseSetting("Egov:Push:Fcm:ServiceAccountFile", Path.Combine(_directory, "service-account.json"));
            builder.UseSetting("Egov:Push:Fcm:Endpoint", Fakes.Origin.ToString());
            builder.UseSetting("Egov:Push:Apns:TeamId", ApnsTeamId);
            builder.UseSetting("Egov:Push:Apns:KeyId", ApnsKeyId);
            builder.UseSetting("Egov:Push:Apns:PrivateKeyFile", Path.Combine(_directory, "apns.p8"));
            builder.UseSetting("Egov:Push:Apns:BundleId", "de.musterstadt.app");
            builder.UseSetting("Egov:Push:Apns:Endpoint", Fakes.ApnsOrigin.ToString());
        }
    }

    /// <summary>
    /// Google's token endpoint (checks the RS256 assertion), FCM's send endpoint (checks the access
    /// token; 404 UNREGISTERED for a gone token) on HTTP/1.1, and APNs on cleartext HTTP/2 (prior knowledge).
    /// </summary>
    public sealed class NativeFakes : IAsyncDisposable
    {
        private const string AccessToken = "ya29.fake-access-token";
        private readonly WebApplication _app;
        private int _tokenGrants;

        private NativeFakes(WebApplication app) => _app = app;

        public Uri Origin { get; private set; } = null!;

        public Uri ApnsOrigin { get; private set; } = null!;

        public ConcurrentBag<string> GoneTokens { get; } = [];

        public ConcurrentBag<string> FcmMessages { get; } = [];

        public ConcurrentBag<(string Token, string HttpVersion, Dictionary<string, string> Headers, string Body)> ApnsRequests { get; } = [];

        public int TokenGrants => Volatile.Read(ref _tokenGrants);

        public static async Task<NativeFakes> StartAsync(RSA googleKey)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, 0);
                k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            });
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var fakes = new NativeFakes(app);
            app.MapPost("/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                var parts = form["assertion"].ToString().Split('.');
                var valid = form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer" && parts.Length == 3
                    && googleKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    && JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.GetProperty("scope").GetString() == "https://www.googleapis.com/auth/firebase.messaging";
                if (!valid)
                {
                    return Results.BadRequest(new { error = "invalid_grant" });
                }

                Interlocked.Increment(ref fakes._tokenGrants);
                return Results.Json(new { access_token = AccessToken, expires_in = 3599, token_type = "Bearer" });
            });
            app.MapPost("/v1/projects/musterstadt-app/messages:send", async (HttpRequest request) =>
            {
                if (request.Headers.Authorization != $"Bearer {AccessToken}")
                {
                    return Results.StatusCode(StatusCodes.Status401Unauthorized);
                }

                using var reader = new StreamReader(request.Body);
                var body = await reader.ReadToEndAsync();
                var token = JsonDocument.Parse(body).RootElement.GetProperty("message").GetProperty("token").GetString()!;
                if (fakes.GoneTokens.Contains(token))
                {
                    return Results.Json(new { error = new { code = 404, status = "NOT_FOUND", details = new[] { new { errorCode = "UNREGISTERED" } } } }, statusCode: 404);
                }

                fakes.FcmMessages.Add(body);
                return Results.Json(new { name = $"projects/musterstadt-app/messages/{Guid.NewGuid():N}" });
            });
            app.MapPost("/3/device/{token}", async (string token, HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                var body = await reader.ReadToEndAsync();
                if (fakes.GoneTokens.Contains(token))
                {
                    return Results.Json(new { reason = "Unregistered", timestamp = 1_700_000_000_000 }, statusCode: 410);
                }

                fakes.ApnsRequests.Add((token, request.Protocol == "HTTP/2" ? "2" : request.Protocol,
                    request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal), body));
                return Results.Ok();
            });
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();
            fakes.Origin = new Uri(addresses[0]);
            fakes.ApnsOrigin = new Uri(addresses[1]);
            return fakes;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
