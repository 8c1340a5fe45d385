using System.Net;
using System.Text.Json.Nodes;
using Egov.IntegrationTests.Identity;
using Egov.IntegrationTests.Mobile.Push;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Outreach.Delivery;

/// <summary>
/// The delivery engine's crisis lane, driven round by round (the background engine is off): a
/// crisis post goes out in the crisis lane while a routine post due earlier stays untouched, and
/// the general lane sends the routine post afterwards.
/// </summary>
public sealed class CrisisDeliveryLaneTests(CrisisDeliveryLaneTests.ManualEngineFactory factory) : IClassFixture<CrisisDeliveryLaneTests.ManualEngineFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CrisisLane_SendsTheAlertPost_AndLeavesTheRoutinePostDueBeforeIt_ToTheGeneralLane()
    {
        using var admin = await factory.CreateClientAsAsync("admin");
        var webhook = Channel("webhook", $"webhook {Guid.NewGuid():N}", factory.Webhook.BaseAddress + "hooks/egov");
        webhook["credentials"] = new JsonObject { ["secret"] = factory.Webhook.Secret };
        var routineChannel = (await CreateChannelAsync(admin, webhook)).GetProperty("id").GetGuid();
        await CreateChannelAsync(admin, Channel("mastodon", $"mastodon {Guid.NewGuid():N}", factory.Mastodon.BaseAddress.ToString(), "@stadt@social.example", crisis: true));
        var routineText = $"Adventsmarkt {Guid.NewGuid():N}";
        await ScheduleNowAsync(routineText, routineChannel);
        var headline = $"Hochwasser {Guid.NewGuid():N}"[..30];
        var alertId = Guid.CreateVersion7();
        await Devices.PublishThroughOutboxAsync(factory, new AlertIssuedIntegrationEvent(
            Guid.CreateVersion7(), DateTimeOffset.UtcNow, alertId, headline, "Severe", "Immediate", "Stadtgebiet", ["091620000000"], DateTimeOffset.UtcNow.AddHours(2)));
        await WaitUntilAsync(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<OutreachDbContext>().Posts.AnyAsync(p => p.AlertId == alertId, Ct);
        });
        var engine = factory.Services.GetRequiredService<DeliveryEngine>();

        var crisisRound = await engine.RunOnceAsync(crisisOnly: true, Ct);

        Assert.Equal(1, crisisRound);
        Assert.Contains(factory.Mastodon.Statuses, s => s.Text.Contains(headline, StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Webhook.Deliveries, d => d.Payload.GetProperty("text").GetString() == routineText);

        Assert.Equal(1, await engine.RunOnceAsync(crisisOnly: false, Ct));
        Assert.Single(factory.Webhook.Deliveries, d => d.Payload.GetProperty("text").GetString() == routineText);
    }

    /// <summary>Drafts, submits, approves and schedules a post for now, through the API.</summary>
    private async Task ScheduleNowAsync(string text, Guid channel)
    {
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var post = await CreatePostAsync(editor, Post(text, false, (channel, text)));
        var submitted = await TransitionAsync(editor, post, "submit");
        var approved = await TransitionAsync(approver, submitted.Body, "approve");
        var scheduled = await TransitionAsync(editor, approved.Body, "schedule", new { });
        Assert.True(scheduled.Status == HttpStatusCode.OK, scheduled.Body.ToString());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>The delivery factory with the background engine off (rounds are the test's) and no hold of posts during alerts.</summary>
    public sealed class ManualEngineFactory : DeliveryFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:Outreach:Delivery:Enabled", "false");
            builder.UseSetting("Egov:Outreach:HoldPostsDuringAlerts", "false");
        }
    }
}
