using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Channels.Kinds.Bluesky;
using Egov.Modules.Outreach.Features.Channels.Kinds.Mastodon;
using Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;
using Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;
using Egov.Testing;
using Egov.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Outreach.Adapters;

/// <summary>
/// The host with a fake of each platform on 127.0.0.1 and short HTTP timings, so that the adapters resolved
/// from its container talk to the fakes. Shared by the adapter test classes (<see cref="AdapterCollection"/>),
/// which therefore run one after another: they script faults on the same fakes.
/// </summary>
public sealed class AdapterFactory : EgovApplicationFactory
{
    /// <summary>The attempt timeout of these tests; a fake that answers later has timed out.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

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
        AdapterTimings.Apply(builder, AttemptTimeout);
        builder.UseSetting("Egov:Outreach:Telegram:ApiBaseAddress", Telegram.BaseAddress.ToString());
    }
}

/// <summary>The adapter test classes share one host and its fakes, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AdapterCollection : ICollectionFixture<AdapterFactory>
{
    public const string Name = "Outreach adapters";
}
