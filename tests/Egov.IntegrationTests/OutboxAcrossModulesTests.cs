using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.Modules.Outreach.Persistence;
using Egov.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests;

/// <summary>
/// The transactional outbox end to end in the real host on PostgreSQL: Announcements publishes,
/// Outreach handles, through the mediator, after commit.
/// </summary>
public sealed class OutboxAcrossModulesTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task PublishedAnnouncement_AfterCommit_ReachesOutreachHandler()
    {
        var announcementId = await PublishAnnouncementAsync("Weihnachtsmarkt eröffnet", commit: true);

        var candidate = await WaitForAsync(async db => await db.CrossPostCandidates.SingleOrDefaultAsync(c => c.AnnouncementId == announcementId));

        Assert.NotNull(candidate);
        Assert.Equal("Weihnachtsmarkt eröffnet", candidate.Title);
        Assert.Equal(["culture"], candidate.Categories);
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
        await WaitForAsync(async db => await db.CrossPostCandidates.SingleOrDefaultAsync(c => c.AnnouncementId == committed));
        using var scope = factory.Services.CreateScope();
        var outreach = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var announcements = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        Assert.False(await outreach.CrossPostCandidates.AnyAsync(c => c.AnnouncementId == rolledBack, TestContext.Current.CancellationToken));
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
        var outreach = check.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var candidate = await outreach.CrossPostCandidates.SingleAsync(c => c.AnnouncementId == integrationEvent.AnnouncementId, TestContext.Current.CancellationToken);
        Assert.Equal("Twice told", candidate.Title);
        // Each Outreach handler of the event (cross-post candidates, push) marks it once and acted once.
        Assert.Equal(1, await outreach.InboxMessages.CountAsync(m => m.EventId == integrationEvent.EventId && m.Handler == "AnnouncementPublishedHandler", TestContext.Current.CancellationToken));
        Assert.Equal(1, await outreach.InboxMessages.CountAsync(m => m.EventId == integrationEvent.EventId && m.Handler == "AnnouncementPublishedPushHandler", TestContext.Current.CancellationToken));
        Assert.Equal(1, await outreach.PushJobs.CountAsync(j => j.SourceEventId == integrationEvent.EventId, TestContext.Current.CancellationToken));
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

    private async Task<T?> WaitForAsync<T>(Func<OutreachDbContext, Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            using var scope = factory.Services.CreateScope();
            var result = await probe(scope.ServiceProvider.GetRequiredService<OutreachDbContext>());
            if (result is not null)
            {
                return result;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The event did not reach the Outreach handler within 15 s.");
        return null;
    }
}
