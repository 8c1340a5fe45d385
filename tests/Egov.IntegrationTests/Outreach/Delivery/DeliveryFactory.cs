using Egov.IntegrationTests.Outreach;
using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace Egov.IntegrationTests.Outreach.Delivery;

/// <summary>
/// The host with its delivery engine running fast against fake platforms on 127.0.0.1 (Mastodon,
/// Telegram, Bluesky, a webhook receiver), short retry delays and a short lease, so that a worker
/// that "died" is replaced within seconds.
/// </summary>
public class DeliveryFactory : EgovApplicationFactory
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    public FakeMastodon Mastodon { get; } = new();

    public FakeTelegram Telegram { get; } = new();

    public FakeBluesky Bluesky { get; } = new();

    public FakeWebhookReceiver Webhook { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Task.WhenAll(Mastodon.StartAsync(), Telegram.StartAsync(), Bluesky.StartAsync(), Webhook.StartAsync());
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mastodon.DisposeAsync();
        await Telegram.DisposeAsync();
        await Bluesky.DisposeAsync();
        await Webhook.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:PublicBaseAddress", "https://www.musterstadt.example/");
        builder.UseSetting("Egov:Outreach:AllowLoopbackHttp", "true");
        builder.UseSetting("Egov:Outreach:Telegram:ApiBaseAddress", Telegram.BaseAddress.ToString());
        builder.UseSetting("Egov:Outreach:Delivery:PollInterval", "00:00:00.100");
        builder.UseSetting("Egov:Outreach:Delivery:RetryBaseDelay", "00:00:00.200");
        builder.UseSetting("Egov:Outreach:Delivery:RetryMaxDelay", "00:00:02");
        builder.UseSetting("Egov:Outreach:Delivery:MaxAttempts", "4");
        builder.UseSetting("Egov:Outreach:Delivery:Lease", Lease.ToString());
        builder.UseSetting("Egov:Outreach:Delivery:Http:AttemptTimeout", "00:00:01.500");
        builder.UseSetting("Egov:Outreach:Delivery:Http:TotalTimeout", "00:00:01.800");
        builder.UseSetting("Egov:Outreach:Delivery:Http:MaxRetryAttempts", "1");
        builder.UseSetting("Egov:Outreach:Delivery:Http:BaseDelay", "00:00:00.050");
        builder.UseSetting("Egov:Outreach:Delivery:Http:MediaPollInterval", "00:00:00.050");
    }
}

/// <summary>A second host on the same database as <paramref name="first"/> (another instance behind the load balancer).</summary>
public sealed class SecondHost(DeliveryFactory first) : DeliveryFactory
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectionString = first.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Outreach:Telegram:ApiBaseAddress", first.Telegram.BaseAddress.ToString());
    }
}
