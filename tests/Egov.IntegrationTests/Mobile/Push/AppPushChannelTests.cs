using System.Net;
using System.Text.Json;
using Egov.IntegrationTests.Identity;
using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Mobile.Persistence;
using Egov.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Egov.IntegrationTests.Outreach.OutreachApi;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>A post to the app-push channel reaches the devices that follow announcements, through the push fan-out.</summary>
public sealed class AppPushChannelTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task ApprovedPost_ToTheAppPushChannel_IsPushedToDevicesFollowingAnnouncements_AndNotToOthers()
    {
        await using var push = await FakePushService.StartAsync();
        using var client = factory.CreateClient();
        using var follower = push.Subscribe();
        using var alertsOnly = push.Subscribe();
        await Devices.RegisterAsync(client, follower.Registration("category:culture"));
        await Devices.RegisterAsync(client, alertsOnly.Registration("alerts:severe"));
        using var admin = await factory.CreateClientAsAsync("admin");
        var appChannel = (await CreateChannelAsync(admin, Channel("app-push", $"Stadt-App {Guid.NewGuid():N}"))).GetProperty("id").GetGuid();
        using var editor = await factory.CreateClientAsAsync("editor");
        using var approver = await factory.CreateClientAsAsync("approver");
        await AcknowledgeAsync(editor);
        await AcknowledgeAsync(approver);
        var post = await CreatePostAsync(editor, Post("Stadtfest", false, (appChannel, "Stadtfest am Samstag\nMit Musik auf dem Marktplatz.")));
        var submitted = await TransitionAsync(editor, post, "submit");
        var approved = await TransitionAsync(approver, submitted.Body, "approve");
        var scheduled = await TransitionAsync(editor, approved.Body, "schedule", new { });
        Assert.Equal(HttpStatusCode.OK, scheduled.Status);

        var received = Assert.Single(await push.WaitForAsync(follower));

        var payload = JsonDocument.Parse(WebPushCrypto.Decrypt(follower, received.Body)).RootElement;
        Assert.Equal("post", payload.GetProperty("type").GetString());
        Assert.Equal("Stadtfest am Samstag", payload.GetProperty("title").GetString());
        Assert.Equal("Mit Musik auf dem Marktplatz.", payload.GetProperty("body").GetString());
        Assert.Equal("low", received.Header("Urgency"));
        Assert.Empty(push.For(alertsOnly));
    }

    [Fact]
    public async Task QueueAppPush_RepeatedForOneDelivery_QueuesOneJobAndAnswersItsIdEachTime()
    {
        var ct = TestContext.Current.CancellationToken;
        var deliveryId = Guid.CreateVersion7();
        var command = new QueueAppPushCommand(deliveryId, "Stadtfest am Samstag\nMit Musik.", "https://stadt.example/fest", Crisis: true);

        QueuedAppPush first;
        using (var scope = factory.Services.CreateScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
        }

        QueuedAppPush again;
        using (var scope = factory.Services.CreateScope())
        {
            again = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
        }

        using var check = factory.Services.CreateScope();
        var job = await check.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.AsNoTracking().SingleAsync(j => j.SourceEventId == deliveryId, ct);
        Assert.Equal(first.PushJobId, again.PushJobId);
        Assert.Equal(job.Id, first.PushJobId);
        Assert.Equal(Egov.Modules.Mobile.Domain.Push.PushUrgency.High, job.Urgency);
    }
}
