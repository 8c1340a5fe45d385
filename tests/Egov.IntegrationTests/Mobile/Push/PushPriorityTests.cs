using System.Buffers.Text;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Mobile.Domain.Devices;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Features.Push;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// The crisis path of push: alerts overtake queued routine work, a dead endpoint costs its timeout
/// once, two instances share the work without pushing a job twice, and readiness turns Degraded
/// when an alert waits. Each test uses its own region and subject, and leaves no job pending.
/// </summary>
public sealed class PushPriorityTests(CrisisPushFactory factory) : IClassFixture<CrisisPushFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AlertPublishedBehind2000QueuedRoutineJobs_IsPushedFirst()
    {
        const string region = "057110000000";
        await using var push = await FakePushService.StartAsync();
        using var applicantsPhone = push.Subscribe();
        using var alertPhone = push.Subscribe();
        push.Delay(applicantsPhone, TimeSpan.FromMilliseconds(200));
        var subject = $"applicant-{Guid.NewGuid():N}";
        await AddDeviceAsync(applicantsPhone, subject);
        using var client = factory.CreateClient();
        await Devices.RegisterAsync(client, alertPhone.Registration("alerts:moderate", $"region:{region}"));
        await QueueStatusJobsAsync(subject, 2000);
        await WaitUntilAsync(() => Task.FromResult(push.For(applicantsPhone).Count > 0));

        var issued = Alert(region);
        await Devices.PublishThroughOutboxAsync(factory, issued);

        var alert = Assert.Single(await push.WaitForAsync(alertPhone));
        var routineBefore = push.For(applicantsPhone).Count(r => r.At <= alert.At);
        Assert.True(routineBefore < 500, $"{routineBefore} routine pushes went out before the alert");
        await CompleteRoutineJobsAsync(subject);
    }

    [Fact]
    public async Task DeadEndpoint_CostsItsTimeoutOnce_AndTheOthersAreServed()
    {
        const string region = "064120000000";
        await using var push = await FakePushService.StartAsync();
        using var dead = push.Subscribe();
        using var alive = push.Subscribe();
        push.Delay(dead, TimeSpan.FromMinutes(2));
        using var client = factory.CreateClient();
        await Devices.RegisterAsync(client, dead.Registration("alerts:minor", $"region:{region}"));
        await Devices.RegisterAsync(client, alive.Registration("alerts:minor", $"region:{region}"));
        var issued = Alert(region);

        await Devices.PublishThroughOutboxAsync(factory, issued);

        var (sent, failed, pruned) = await Devices.WaitForJobAsync(factory, issued.EventId);
        Assert.Equal((1, 1, 0), (sent, failed, pruned));
        Assert.Single(push.For(alive));
        Assert.Single(push.For(dead));
        await Task.Delay(CrisisPushFactory.RequestTimeout * 3, Ct);
        Assert.Single(push.For(dead));
        using var scope = factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<MobileDbContext>().Devices.CountAsync(d => d.Regions.Contains(region), Ct) == 2, "a timeout must not remove the registration");
    }

    [Fact]
    public async Task TwoHostInstances_OnOneDatabase_NeverPushTheSameJobTwice()
    {
        const string region = "081110000000";
        await using var second = new SecondPushHost(factory);
        await second.InitializeAsync();
        _ = second.Services; // starts its fan-out
        await using var push = await FakePushService.StartAsync();
        using var client = factory.CreateClient();
        var phones = Enumerable.Range(0, 3).Select(_ => push.Subscribe()).ToList();
        foreach (var phone in phones)
        {
            await Devices.RegisterAsync(client, phone.Registration("alerts:minor", $"region:{region}"));
        }

        using var applicantsPhone = push.Subscribe();
        var subject = $"applicant-{Guid.NewGuid():N}";
        await AddDeviceAsync(applicantsPhone, subject);

        var now = DateTimeOffset.UtcNow;
        using (var scope = factory.Services.CreateScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<PushJobs>();
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
            for (var i = 0; i < 30; i++)
            {
                db.PushJobs.Add(jobs.Alert(Guid.CreateVersion7(), Guid.CreateVersion7(), $"Warnung {i}", "Moderate", "Nürnberg", [region], now.AddHours(1), now));
                if (i % 3 == 0)
                {
                    db.PushJobs.Add(jobs.Status(StatusChanged(subject, now), now));
                }
            }

            await db.SaveChangesAsync(Ct);
        }

        factory.Services.GetRequiredService<WorkSignal<PushFanOut>>().Notify();
        second.Services.GetRequiredService<WorkSignal<PushFanOut>>().Notify();
        await WaitUntilAsync(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return !await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.AnyAsync(j => j.CompletedAt == null, Ct);
        });

        foreach (var phone in phones)
        {
            var topics = push.For(phone).Select(p => p.Header("Topic")).ToList();
            Assert.Equal(30, topics.Count);
            Assert.Equal(30, topics.Distinct(StringComparer.Ordinal).Count());
        }

        Assert.Equal(10, push.For(applicantsPhone).Select(p => p.Header("Topic")).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(10, push.For(applicantsPhone).Count);
    }

    [Fact]
    public async Task AlertJobPendingLongerThan10Seconds_ReadinessIsDegraded_UntilItIsDone()
    {
        using var client = factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", Ct));
        var now = DateTimeOffset.UtcNow;
        PushJob stuck;
        using (var scope = factory.Services.CreateScope())
        {
            // Held by an instance that hangs: its lease runs ten more minutes.
            stuck = scope.ServiceProvider.GetRequiredService<PushJobs>().Alert(Guid.CreateVersion7(), Guid.CreateVersion7(), "Warnung", "Severe", "Kiel", ["010020000000"], now.AddHours(1), now.AddSeconds(-30));
            stuck.LockedUntil = now.AddMinutes(10);
            stuck.LockOwner = "a-hanging-instance";
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
            db.PushJobs.Add(stuck);
            await db.SaveChangesAsync(Ct);
        }

        using var degraded = await client.GetAsync("/health/ready", Ct);

        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync(Ct));
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.Where(j => j.Id == stuck.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CompletedAt, DateTimeOffset.UtcNow), Ct);
        }

        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", Ct));
    }

    private static AlertIssuedIntegrationEvent Alert(string region) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "Unwetterwarnung", "Severe", "Immediate", "Testgebiet", [region], DateTimeOffset.UtcNow.AddHours(2));

    private static ApplicationStatusChangedIntegrationEvent StatusChanged(string subject, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), now, Guid.CreateVersion7(), "PA-2026-000001", "bewohnerparkausweis", "Submitted", "InReview", subject, 2);

    /// <summary>A Web Push device of a signed-in citizen, stored directly (registration links the subject from the login).</summary>
    private async Task AddDeviceAsync(BrowserSubscription subscription, string subject)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        var address = new DeviceAddress(DevicePlatform.WebPush, subscription.Endpoint.ToString(), Base64Url.EncodeToString(subscription.PublicKey), Base64Url.EncodeToString(subscription.AuthSecret));
        db.Devices.Add(Device.Register(address, "de", "1.4.2", subject, null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Queues <paramref name="count"/> status notifications for <paramref name="subject"/>, as a day's case work does.</summary>
    private async Task QueueStatusJobsAsync(string subject, int count)
    {
        using var scope = factory.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<PushJobs>();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            db.PushJobs.Add(jobs.Status(StatusChanged(subject, now), now.AddMilliseconds(i - count)));
        }

        await db.SaveChangesAsync(Ct);
        scope.ServiceProvider.GetRequiredService<WorkSignal<PushFanOut>>().Notify();
    }

    private async Task CompleteRoutineJobsAsync(string subject)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MobileDbContext>().PushJobs.Where(j => j.Subject == subject || j.Priority == PushPriority.Routine)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CompletedAt, DateTimeOffset.UtcNow), Ct);
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
