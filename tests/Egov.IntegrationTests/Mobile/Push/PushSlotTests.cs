using Egov.Modules.Announcements.Contracts;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// A push service that does not answer holds a request, not a slot: with one slot per lane, the
/// device after a dead one is pushed long before the dead one's request times out.
/// </summary>
public sealed class PushSlotTests(OneSlotPushFactory factory) : IClassFixture<OneSlotPushFactory>
{
    [Fact]
    public async Task DeadEndpointFirst_TheNextDeviceIsPushedBeforeItsTimeout()
    {
        const string region = "031010000000";
        await using var push = await FakePushService.StartAsync();
        using var dead = push.Subscribe();
        using var alive = push.Subscribe();
        push.Delay(dead, TimeSpan.FromMinutes(2));
        using var client = factory.CreateClient();
        // In this order: devices are pushed in id order, and ids grow with registration.
        await Devices.RegisterAsync(client, dead.Registration("alerts:minor", $"region:{region}"));
        await Devices.RegisterAsync(client, alive.Registration("alerts:minor", $"region:{region}"));

        await Devices.PublishThroughOutboxAsync(factory, new AlertIssuedIntegrationEvent(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "Hochwasser", "Severe", "Immediate",
            "Braunschweig", [region], DateTimeOffset.UtcNow.AddHours(2)));

        var first = Assert.Single(await push.WaitForAsync(dead));
        var next = Assert.Single(await push.WaitForAsync(alive));
        Assert.True(next.At - first.At < OneSlotPushFactory.Timeout / 2,
            $"the device after the dead one was pushed {(next.At - first.At).TotalSeconds:0.0} s after it; its slot was held until the {OneSlotPushFactory.Timeout.TotalSeconds:0} s timeout");
    }
}

/// <summary>One active slot per lane and a long request timeout, so that a held slot shows.</summary>
public sealed class OneSlotPushFactory : CrisisPushFactory
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Push:MaxParallelism", "1");
        builder.UseSetting("Egov:Push:RequestTimeout", Timeout.ToString());
    }
}
