using Egov.Modules.Mobile.Features.Devices;
using Egov.Modules.Mobile.Persistence;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// The host with its own device retention round off: the tests run retention workers of their own on a clock they set,
/// two at once where they test the claim; claims are small so that two workers interleave.
/// </summary>
public sealed class DeviceRetentionFactory : EgovApplicationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Push:Retention:Enabled", "false");
        builder.UseSetting("Egov:Push:Retention:BatchSize", "2");
        builder.UseSetting("Egov:Push:Retention:InactiveDeviceDays", "270");
    }
}

/// <summary>Registrations not seen for <c>Egov:Push:Retention:InactiveDeviceDays</c> are deleted with their topics, once, by any instance.</summary>
public sealed class DeviceRetentionTests(DeviceRetentionFactory factory) : IClassFixture<DeviceRetentionFactory>
{
    private static readonly Uri PushOrigin = new("http://127.0.0.1:9/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_DeletesRegistrationsNotSeenForTheConfiguredDays_KeepsThoseSeenSince()
    {
        var now = DateTimeOffset.UtcNow;
        var gone = await RegisterAsync("alerts:severe", "category:traffic");
        var lastSeen269DaysAgo = await RegisterAsync("alerts:minor");
        var seenAgain = await RegisterAsync("category:traffic");
        await SeenAtAsync(gone, now.AddDays(-271));
        await SeenAtAsync(lastSeen269DaysAgo, now.AddDays(-269));
        await SeenAtAsync(seenAgain, now.AddDays(-1));

        await LeasedWorkers.DrainAsync(Worker(new FakeTimeProvider(now)));

        Assert.Equal([lastSeen269DaysAgo, seenAgain], (await RemainingAsync([gone, lastSeen269DaysAgo, seenAgain])).Order());
    }

    [Fact]
    public async Task Run_OnTwoInstancesAtOnce_ClaimsAndDeletesEachRegistrationOnce()
    {
        var devices = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            devices.Add(await RegisterAsync("alerts:severe"));
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(271));
        var claimed = await Task.WhenAll(LeasedWorkers.DrainAsync(Worker(clock)), LeasedWorkers.DrainAsync(Worker(clock)));

        Assert.Empty(await RemainingAsync(devices));
        Assert.True(claimed.All(c => c > 0), $"both instances took part: {string.Join(", ", claimed)}");

        // Claims never overlap: together the instances claimed each registration exactly once (plus any older rows of
        // this class's other test, which are due too).
        Assert.InRange(claimed.Sum(), devices.Count, devices.Count + 3);
    }

    private DeviceRetention Worker(TimeProvider clock) => ActivatorUtilities.CreateInstance<DeviceRetention>(factory.Services, clock);


    private async Task<Guid> RegisterAsync(params string[] topics)
    {
        using var client = factory.CreateClient();
        using var browser = new BrowserSubscription(new Uri(PushOrigin, $"push/{Guid.NewGuid():N}"));
        return (await Devices.RegisterAsync(client, browser.Registration(topics))).Id;
    }

    /// <summary>Dates the registration's last sign of life (the app registering again) to <paramref name="at"/>.</summary>
    private async Task SeenAtAsync(Guid device, DateTimeOffset at)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        Assert.Equal(1, await db.Devices.Where(d => d.Id == device).ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedAt, at), Ct));
    }

    private async Task<List<Guid>> RemainingAsync(List<Guid> devices)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MobileDbContext>().Devices.Where(d => devices.Contains(d.Id)).Select(d => d.Id).ToListAsync(Ct);
    }
}
