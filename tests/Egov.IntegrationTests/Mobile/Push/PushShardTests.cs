using System.Buffers.Text;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Features.Push;
using Egov.Modules.Mobile.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// One alert's fan-out shared by two host instances: its audience is split into shards that the
/// lanes of both instances claim, and no device is pushed twice.
/// </summary>
public sealed class PushShardTests(ShardedPushFactory factory) : IClassFixture<ShardedPushFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoHostInstances_OneAlert_BothPushShardsOfIt_AndEachDeviceOnce()
    {
        const string region = "091620000000";
        const int phones = 200;
        await using var second = new SecondShardedHost(factory);
        await second.InitializeAsync();
        _ = second.Services; // starts its fan-out
        await using var push = await FakePushService.StartAsync();
        var subscriptions = Enumerable.Range(0, phones).Select(_ => push.Subscribe()).ToList();
        try
        {
            foreach (var subscription in subscriptions)
            {
                // Each answer takes a while, so that one instance alone would need several rounds of its lanes.
                push.Delay(subscription, TimeSpan.FromMilliseconds(150));
            }

            await AddAlertDevicesAsync(subscriptions, region);
            var issued = new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "Hochwasser", "Severe", "Immediate",
                "Landeshauptstadt München", [region], DateTimeOffset.UtcNow.AddHours(2));

            await Devices.PublishThroughOutboxAsync(factory, issued);

            await WaitUntilAsync(async () =>
            {
                using var scope = factory.Services.CreateScope();
                var jobs = await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.AsNoTracking().Where(j => j.SourceEventId == issued.EventId).ToListAsync(Ct);
                return jobs.Count > 0 && jobs.All(j => j.CompletedAt != null) && jobs.Sum(j => j.Sent + j.Failed) == phones;
            });
            using (var scope = factory.Services.CreateScope())
            {
                var jobs = await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.AsNoTracking().Where(j => j.SourceEventId == issued.EventId).ToListAsync(Ct);
                Assert.Equal((phones, 0), (jobs.Sum(j => j.Sent), jobs.Sum(j => j.Failed)));
            }

            foreach (var subscription in subscriptions)
            {
                Assert.Single(push.For(subscription));
            }

            var bySecond = push.Received.Count(r => r.Header(InstanceHeader.Name) == "second");
            Assert.InRange(bySecond, 1, phones - 1);
        }
        finally
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Web Push devices following alerts of <paramref name="region"/>, stored directly (the API allows ten registrations a minute per address).</summary>
    private async Task AddAlertDevicesAsync(List<BrowserSubscription> subscriptions, string region)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        var now = DateTimeOffset.UtcNow;
        foreach (var subscription in subscriptions)
        {
            var address = new DeviceAddress(DevicePlatform.WebPush, subscription.Endpoint.ToString(), Base64Url.EncodeToString(subscription.PublicKey), Base64Url.EncodeToString(subscription.AuthSecret));
            var device = Device.Register(address, "de", "1.4.2", null, null, now);
            device.ReplaceTopics([DeviceTopic.Alerts(AlertSeverity.Moderate), DeviceTopic.Region(region)], now);
            db.Devices.Add(device);
        }

        await db.SaveChangesAsync(Ct);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(50, Ct);
        }
    }
}

/// <summary>
/// The crisis host with shards of 20 devices, 10 requests in flight per lane (an instance at its
/// capacity) and an alert lane that looks for other instances' shards every 50 ms. The push timeout is
/// the default 5 s, not the crisis host's 0.5 s: this is about who sends, and on a loaded test machine a
/// 150 ms answer can take longer than 0.5 s — the push would then be given up, not sent twice.
/// </summary>
public class ShardedPushFactory : CrisisPushFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Push:ShardSize", "20");
        builder.UseSetting("Egov:Push:MaxParallelism", "10");
        builder.UseSetting("Egov:Push:AlertPollInterval", "00:00:00.050");
        builder.UseSetting("Egov:Push:RequestTimeout", "00:00:05");
    }
}

/// <summary>A second instance on the database of <paramref name="first"/>; its pushes carry <see cref="InstanceHeader"/>, so the push service can tell them apart.</summary>
public sealed class SecondShardedHost(ShardedPushFactory first) : ShardedPushFactory
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectionString = first.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHttpClient(WebPushSender.HttpClientName).AddHttpMessageHandler(() => new InstanceHeader()));
    }
}

/// <summary>Marks the requests of the second instance.</summary>
internal sealed class InstanceHeader : DelegatingHandler
{
    public const string Name = "X-Test-Instance";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(Name, "second");
        return base.SendAsync(request, cancellationToken);
    }
}
