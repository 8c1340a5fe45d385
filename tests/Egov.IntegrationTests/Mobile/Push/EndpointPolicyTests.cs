using System.Net;
using Egov.Testing;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>A host configured as in production: Web Push endpoints must be https URLs of known push services.</summary>
public sealed class EndpointPolicyTests(EndpointPolicyTests.StrictFactory factory) : IClassFixture<EndpointPolicyTests.StrictFactory>
{
    [Theory]
    [InlineData("http://updates.push.services.mozilla.com/wpush/v2/abc")]
    [InlineData("https://127.0.0.1/push/abc")]
    [InlineData("https://[::1]/push/abc")]
    [InlineData("https://localhost/push/abc")]
    [InlineData("https://push.example.org/abc")]
    [InlineData("https://fcm.googleapis.com.evil.example/fcm/send/abc")]
    [InlineData("https://fcm.googleapis.com:8443/fcm/send/abc")]
    public async Task Register_EndpointThatIsNoHttpsPushService_Is400NamingEndpoint(string endpoint)
    {
        using var client = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(endpoint));

        using var response = await Devices.PostAsync(client, browser.Registration());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Devices.JsonAsync(response)).GetProperty("errors").TryGetProperty("endpoint", out _));
    }

    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b")]
    [InlineData("https://updates.push.services.mozilla.com/wpush/v2/gAAAAABl")]
    [InlineData("https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB")]
    [InlineData("https://web.push.apple.com/QGuQyavXutnMH")]
    public async Task Register_EndpointOfAKnownPushService_Is201(string endpoint)
    {
        using var client = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(endpoint + Guid.NewGuid().ToString("N")));

        using var response = await Devices.PostAsync(client, browser.Registration());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Register_FcmOrApns_WhenNotConfigured_Is400NamingPlatform()
    {
        using var client = factory.CreateClient();

        using var fcm = await Devices.PostAsync(client, new { platform = "fcm", endpoint = "dGVzdA:APA91bHun4MxP5egoKMwt2KZFBaFUH" });
        using var apns = await Devices.PostAsync(client, new { platform = "apns", endpoint = new string('a', 64) });

        Assert.True((await Devices.JsonAsync(fcm)).GetProperty("errors").TryGetProperty("platform", out _));
        Assert.True((await Devices.JsonAsync(apns)).GetProperty("errors").TryGetProperty("platform", out _));
    }

    public sealed class StrictFactory : EgovApplicationFactory
    {
        protected override bool AllowInsecurePushEndpoints => false;
    }
}

/// <summary>Anonymous registration is rate-limited per client address with the host's limiter.</summary>
public sealed class RegistrationRateLimitTests(RegistrationRateLimitTests.LimitedFactory factory) : IClassFixture<RegistrationRateLimitTests.LimitedFactory>
{
    [Fact]
    public async Task Register_BeyondTheLimitPerMinute_Is429WithRetryAfter()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var browser = new BrowserSubscription(new Uri($"http://127.0.0.1:9/push/{Guid.NewGuid():N}"));
            last?.Dispose();
            last = await Devices.PostAsync(client, browser.Registration());
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();
    }

    public sealed class LimitedFactory : EgovApplicationFactory
    {
        protected override int DeviceRegistrationsPerMinute => 2;
    }
}
