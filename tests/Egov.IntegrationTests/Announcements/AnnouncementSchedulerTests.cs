using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Work;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Egov.IntegrationTests.Announcements.AnnouncementSamples;

namespace Egov.IntegrationTests.Announcements;

/// <summary>
/// The scheduler publishes and expires on time, once, with a controllable clock across the
/// Europe/Berlin clock changes of 2026 (29 March: 02:00 → 03:00; 25 October: 03:00 → 02:00).
/// </summary>
public sealed class AnnouncementSchedulerTests(AnnouncementSchedulerTests.Factory factory) : IClassFixture<AnnouncementSchedulerTests.Factory>
{
    [Fact]
    public async Task ScheduledAfterTheSpringGap_IsPublishedAtItsInstant_Once_EvenWithTwoSchedulers()
    {
        // 2026-03-29 03:30 CEST = 01:30 UTC: the first half hour after the gap.
        var publishAt = Egov.SharedKernel.Time.BerlinLocalTime.Parse("2026-03-29T03:30", "publishAt")!.Value;
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), publishAt);
        var id = await ScheduledAsync("Frühjahrsputz am Sonntag", publishAt, expireAt: null, now: publishAt.AddDays(-2));
        var clock = new FakeTimeProvider(publishAt.AddSeconds(-1));

        Assert.Equal(0, await Scheduler(clock).RunOnceAsync(WorkLane.General, TestContext.Current.CancellationToken));
        Assert.Equal(AnnouncementStatus.Scheduled, (await LoadAsync(id)).Status);

        clock.SetUtcNow(publishAt);
        var runs = await Task.WhenAll(Scheduler(clock).RunOnceAsync(WorkLane.General, TestContext.Current.CancellationToken), Scheduler(clock).RunOnceAsync(WorkLane.General, TestContext.Current.CancellationToken));

        Assert.Equal(1, runs.Sum());
        var published = await LoadAsync(id);
        Assert.Equal(AnnouncementStatus.Published, published.Status);
        Assert.Equal(publishAt, published.PublishedAt);
        Assert.Equal(1, await OutboxCountAsync(id));
    }

    [Fact]
    public async Task ExpiryInTheAutumnOverlap_WithItsOffset_ExpiresAtThatInstant()
    {
        // 2026-10-25 02:30 happens twice; +01:00 is the second time (CET) = 01:30 UTC.
        var expireAt = Egov.SharedKernel.Time.BerlinLocalTime.Parse("2026-10-25T02:30+01:00", "expireAt")!.Value;
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), expireAt);
        var publishAt = new DateTimeOffset(2026, 10, 24, 20, 0, 0, TimeSpan.Zero);
        var id = await ScheduledAsync("Zeitumstellung: Busse fahren nach Winterfahrplan", publishAt, expireAt, now: publishAt.AddHours(-1));
        var clock = new FakeTimeProvider(publishAt);
        await Scheduler(clock).RunOnceAsync(WorkLane.General, TestContext.Current.CancellationToken);

        // 02:30 CEST (the first 02:30, 00:30 UTC) is an hour too early.
        clock.SetUtcNow(expireAt.AddHours(-1));
        await Scheduler(clock).RunOnceAsync(WorkLane.General, TestContext.Current.CancellationToken);
        Assert.Equal(AnnouncementStatus.Published, (await LoadAsync(id)).Status);

        clock.SetUtcNow(expireAt);
        await Scheduler(clock).RunOnceAsync(WorkLane.General, TestContext.Current.CancellationToken);
        var expired = await LoadAsync(id);
        Assert.Equal(AnnouncementStatus.Expired, expired.Status);
        Assert.Equal(expireAt, expired.ExpiredAt);
    }

    [Theory]
    [InlineData("2026-03-29T02:30", "does not exist")]
    [InlineData("2026-03-29T02:00", "does not exist")]
    [InlineData("2026-10-25T02:30", "occurs twice")]
    [InlineData("2026-10-25T02:30+05:00", "not at +05:00")]
    [InlineData("2026-03-29T02:30+01:00", "2026-03-29 02:30 does not exist in Europe/Berlin")]
    [InlineData("2026-03-29T02:30+02:00", "before 02:00 with +01:00 or from 03:00 with +02:00")]
    [InlineData("29.03.2026 08:00", "is not a time")]
    public void LocalTimes_InTheGapOrAmbiguous_AreRefusedWithAClearMessage(string value, string message)
    {
        var error = Assert.Throws<Egov.SharedKernel.Errors.RequestValidationException>(() => Egov.SharedKernel.Time.BerlinLocalTime.Parse(value, "publishAt"));

        Assert.Contains(message, Assert.Single(error.Errors["publishAt"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-29T01:59", "2026-03-29T00:59:00Z")]
    [InlineData("2026-03-29T03:00", "2026-03-29T01:00:00Z")]
    [InlineData("2026-10-25T02:30+02:00", "2026-10-25T00:30:00Z")]
    [InlineData("2026-10-25T02:30+01:00", "2026-10-25T01:30:00Z")]
    [InlineData("2026-10-25T03:00", "2026-10-25T02:00:00Z")]
    [InlineData("2026-12-24T18:00:00Z", "2026-12-24T18:00:00Z")]
    public void LocalTimes_AroundTheChanges_AreTheRightInstants(string value, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), Egov.SharedKernel.Time.BerlinLocalTime.Parse(value, "publishAt"));

    [Fact]
    public async Task DueAnnouncements_WithTwoSchedulersAtOnce_AreEachPublishedOnce()
    {
        // Before every other date of this class, so its other tests find none of these due.
        var publishAt = new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await ScheduledAsync($"Sprechstunde {i + 1} im Rathaus", publishAt, expireAt: null, now: publishAt.AddDays(-1)));
        }

        var clock = new FakeTimeProvider(publishAt.AddMinutes(1));
        var claimed = await Task.WhenAll(LeasedWorkers.DrainAsync(Scheduler(clock)), LeasedWorkers.DrainAsync(Scheduler(clock)));

        Assert.True(claimed.All(c => c > 0), $"both schedulers took part: {string.Join(", ", claimed)}");
        Assert.Equal(ids.Count, claimed.Sum());
        foreach (var id in ids)
        {
            var published = await LoadAsync(id);
            Assert.Equal(AnnouncementStatus.Published, published.Status);
            Assert.Equal(publishAt.AddMinutes(1), published.PublishedAt);
            Assert.Null(published.LockOwner);
            Assert.Equal(1, await OutboxCountAsync(id));
        }
    }

    private AnnouncementScheduler Scheduler(TimeProvider clock) => ActivatorUtilities.CreateInstance<AnnouncementScheduler>(factory.Services, clock);

    private async Task<Guid> ScheduledAsync(string title, DateTimeOffset publishAt, DateTimeOffset? expireAt, DateTimeOffset now)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        var announcement = Draft(AnnouncementKind.News, title, now, "town-hall");
        announcement.Schedule(publishAt, expireAt, Editor, now);
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return announcement.Id;
    }

    private async Task<Announcement> LoadAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().Announcements.AsNoTracking()
            .SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
    }

    private async Task<int> OutboxCountAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>().OutboxMessages
            .CountAsync(m => m.EventType.Contains("AnnouncementPublished") && m.Payload.Contains(id.ToString()), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The host without its own scheduler loop (which runs on the real clock); the tests drive runs with a fake one.
    /// Claims are small so that two schedulers interleave.
    /// </summary>
    public sealed class Factory : EgovApplicationFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Egov:Announcements:SchedulerEnabled", "false");
            builder.UseSetting("Egov:Announcements:SchedulerBatchSize", "2");
        }
    }
}
