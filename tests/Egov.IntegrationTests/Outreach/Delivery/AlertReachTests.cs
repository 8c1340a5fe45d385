using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Mobile.Push;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Delivery;

/// <summary>
/// <see cref="GetAlertReachQuery"/> end to end: an alert goes out to crisis channels (fake Mastodon
/// and webhook receiver) and to Web Push devices (one alive, one gone), and the query counts what
/// went out (a class of its own: the alert stays in force and holds other posts).
/// </summary>
public sealed class AlertReachTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    private const string Region = "031010000000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AlertIssued_ReachCountsSentAndFailedPerChannelAndPush()
    {
        await using var push = await FakePushService.StartAsync();
        using var admin = await factory.CreateClientAsAsync("admin");
        var mastodonName = $"mastodon {Guid.NewGuid():N}";
        await CreateChannelAsync(admin, Channel("mastodon", mastodonName, factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example", crisis: true));
        var webhook = Channel("webhook", $"webhook {Guid.NewGuid():N}", factory.Webhook.BaseAddress + "hooks/egov", crisis: true);
        webhook["credentials"] = new JsonObject { ["secret"] = factory.Webhook.Secret };
        await CreateChannelAsync(admin, webhook);
        using var client = factory.CreateClient();
        using var alive = push.Subscribe();
        using var gone = push.Subscribe();
        await Devices.RegisterAsync(client, alive.Registration("alerts:minor", $"region:{Region}"));
        await Devices.RegisterAsync(client, gone.Registration("alerts:minor", $"region:{Region}"));
        push.Answer(gone, (410, null));
        var alertId = Guid.CreateVersion7();
        var before = await ReachAsync(alertId);
        Assert.Empty(before.Channels);
        Assert.Equal(new AlertPushReach(0, 0, 0), before.Push);

        await Devices.PublishThroughOutboxAsync(factory, new AlertIssuedIntegrationEvent(
            Guid.CreateVersion7(), DateTimeOffset.UtcNow, alertId, "Hochwasser an der Leine", "Severe", "Immediate", "Braunschweig", [Region], DateTimeOffset.UtcNow.AddHours(2)));

        AlertReach reach;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Done(reach = await ReachAsync(alertId)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"not all out after 30 s: {string.Join("; ", reach.Channels)}; {reach.Push}");
            await Task.Delay(100, Ct);
        }

        Assert.Equal(new AlertPushReach(Sent: 1, Failed: 1, Pending: 0), reach.Push);
        var mastodon = Assert.Single(reach.Channels, c => c.ChannelName == mastodonName);
        Assert.Equal(new AlertChannelReach(mastodonName, OutreachChannelKinds.Mastodon, 1, 0, 0), mastodon);
        Assert.Contains(reach.Channels, c => c.ChannelKind == OutreachChannelKinds.Webhook && c.Sent == 1);
        Assert.All(reach.Channels, c => Assert.Equal(0, c.Pending));
    }

    private static bool Done(AlertReach reach) =>
        reach.Push.Sent + reach.Push.Failed == 2 && reach.Push.Pending == 0 && reach.Channels.Count >= 2 && reach.Channels.All(c => c.Pending == 0);

    private async Task<AlertReach> ReachAsync(Guid alertId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetAlertReachQuery(alertId), Ct);
    }
}
