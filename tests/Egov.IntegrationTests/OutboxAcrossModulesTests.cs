using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Persistence;
using Egov.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests;

/// <summary>
/// The transactional outbox end to end in the real host on PostgreSQL: Announcements publishes,
/// Mobile's push handler reacts (a push job per published announcement with a category), through the
/// mediator, after commit.
/// </summary>
public sealed class OutboxAcrossModulesTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task PublishedAnnouncement_AfterCommit_ReachesMobileHandler()
    {
        var announcementId = await PublishAnnouncementAsync("Weihnachtsmarkt eröffnet", commit: true);

        var job = await WaitForAsync(async db => await JobOf(db, announcementId).SingleOrDefaultAsync());

        Assert.NotNull(job);
        Assert.Equal("Weihnachtsmarkt eröffnet", Title(job));
        Assert.Equal(["culture"], job.Categories);
        // The dispatcher marks the message processed right after the handlers ran, in its own
        // statement: wait for that too rather than race it.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        Egov.SharedKernel.Outbox.OutboxMessage message;
        do
        {
            using var scope = factory.Services.CreateScope();
            message = await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.Payload.Contains(announcementId.ToString()) && m.EventType.Contains("AnnouncementPublished"), TestContext.Current.CancellationToken);
            if (message.ProcessedAt is null)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }
        while (message.ProcessedAt is null && DateTime.UtcNow < deadline);

        Assert.NotNull(message.ProcessedAt);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public async Task PublishedAnnouncement_RolledBack_PublishesNothing()
    {
        var rolledBack = await PublishAnnouncementAsync("Never happened", commit: false);
        var committed = await PublishAnnouncementAsync("Happened afterwards", commit: true);

        // Once the later, committed event has been handled, the dispatcher has had its chance at the first.
        await WaitForAsync(async db => await JobOf(db, committed).SingleOrDefaultAsync());
        using var scope = factory.Services.CreateScope();
        var mobile = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        var announcements = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        Assert.False(await JobOf(mobile, rolledBack).AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await announcements.OutboxMessages.AnyAsync(m => m.Payload.Contains(rolledBack.ToString()), TestContext.Current.CancellationToken));
        Assert.False(await announcements.Announcements.AnyAsync(a => a.Id == rolledBack, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SameEvent_DeliveredTwice_IsHandledOnce()
    {
        var now = DateTimeOffset.UtcNow;
        var integrationEvent = Announcements.AnnouncementSamples.PublishNews("Twice told", now, "waste");

        using (var scope = factory.Services.CreateScope())
        {
            var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();
            await publisher.Publish(integrationEvent, TestContext.Current.CancellationToken);
        }

        using (var scope = factory.Services.CreateScope())
        {
            var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();
            await publisher.Publish(integrationEvent with { Title = "Changed on redelivery" }, TestContext.Current.CancellationToken);
        }

        using var check = factory.Services.CreateScope();
        var mobile = check.ServiceProvider.GetRequiredService<MobileDbContext>();
        var job = await mobile.PushJobs.SingleAsync(j => j.SourceEventId == integrationEvent.EventId, TestContext.Current.CancellationToken);
        Assert.Equal("Twice told", Title(job));
        // The push handler marks the event once in Mobile's inbox and acted once.
        Assert.Equal(1, await mobile.InboxMessages.CountAsync(m => m.EventId == integrationEvent.EventId && m.Handler == "AnnouncementPublishedPushHandler", TestContext.Current.CancellationToken));
    }

    private async Task<Guid> PublishAnnouncementAsync(string title, bool commit)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        var announcement = Announcements.AnnouncementSamples.Draft(AnnouncementKind.News, title, now, "culture");
        db.Announcements.Add(announcement);
        foreach (var integrationEvent in announcement.PublishNow(null, Announcements.AnnouncementSamples.Editor, now))
        {
            db.AddIntegrationEvent(integrationEvent);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        if (commit)
        {
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        return announcement.Id;
    }

    private static string? Title(PushJob job) => System.Text.Json.JsonDocument.Parse(job.PayloadDe).RootElement.GetProperty("title").GetString();

    /// <summary>The push job of an announcement (its Web Push topic is the announcement id).</summary>
    private static IQueryable<PushJob> JobOf(MobileDbContext db, Guid announcementId) =>
        db.PushJobs.AsNoTracking().Where(j => j.Topic == announcementId.ToString("N"));

    private async Task<T?> WaitForAsync<T>(Func<MobileDbContext, Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            using var scope = factory.Services.CreateScope();
            var result = await probe(scope.ServiceProvider.GetRequiredService<MobileDbContext>());
            if (result is not null)
            {
                return result;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The event did not reach the Mobile handler within 15 s.");
        return null;
    }
}
