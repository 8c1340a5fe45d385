using DeliveryRow = Egov.Modules.Outreach.Domain.Deliveries.Delivery;
using Egov.Modules.Outreach.Features.Retention;
using Egov.Modules.Outreach.Persistence;
using Egov.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Egov.IntegrationTests.Outreach.Retention;

/// <summary>
/// The host with its own delivery-log retention round and the delivery engine off (the tests store deliveries as the
/// engine leaves them and run retention workers of their own on a clock they set); claims are small so that two
/// workers interleave.
/// </summary>
public sealed class DeliveryLogRetentionFactory : EgovApplicationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Egov:Outreach:Retention:Enabled", "false");
        builder.UseSetting("Egov:Outreach:Retention:BatchSize", "2");
        builder.UseSetting("Egov:Outreach:Retention:DeliveryLogDays", "400");
        builder.UseSetting("Egov:Outreach:Delivery:Enabled", "false");
    }
}

/// <summary>Finished deliveries are deleted <c>Egov:Outreach:Retention:DeliveryLogDays</c> after their last activity, once, by any instance.</summary>
public sealed class DeliveryLogRetentionTests(DeliveryLogRetentionFactory factory) : IClassFixture<DeliveryLogRetentionFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_DeletesFinishedDeliveriesPastTheirDays_KeepsYoungerAndUnfinishedOnes()
    {
        var now = DateTimeOffset.UtcNow;
        var sentLongAgo = await StoreAsync(now.AddDays(-401), d => d.MarkSent("109", "https://social.example/@stadt/109", 200, now.AddDays(-401)));
        var failedLongAgo = await StoreAsync(now.AddDays(-402), d => d.MarkFailed("422 Unprocessable", 422));
        var uncertainLongAgo = await StoreAsync(now.AddDays(-402), d => d.MarkUncertain("timeout", null, null));
        var cancelledLongAgo = await StoreAsync(now.AddDays(-402), d => d.Cancel(), claim: false);
        var sent399DaysAgo = await StoreAsync(now.AddDays(-399), d => d.MarkSent("110", null, 200, now.AddDays(-399)));
        var confirmedLately = await StoreAsync(now.AddDays(-500), d => d.ConfirmSent(null, now.AddDays(-10)), claim: false);
        var pendingSinceLongAgo = await StoreAsync(now.AddDays(-500), _ => { }, claim: false);

        await LeasedWorkers.DrainAsync(Worker(new FakeTimeProvider(now)));

        var remaining = await RemainingAsync([sentLongAgo, failedLongAgo, uncertainLongAgo, cancelledLongAgo, sent399DaysAgo, confirmedLately, pendingSinceLongAgo]);
        Assert.Equal(new[] { sent399DaysAgo, confirmedLately, pendingSinceLongAgo }.Order(), remaining.Order());
    }

    [Fact]
    public async Task Run_OnTwoInstancesAtOnce_ClaimsAndDeletesEachDeliveryOnce()
    {
        var sentAt = DateTimeOffset.UtcNow.AddDays(-1000);
        var deliveries = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            deliveries.Add(await StoreAsync(sentAt, d => d.MarkSent($"{i}", null, 200, sentAt)));
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var claimed = await Task.WhenAll(LeasedWorkers.DrainAsync(Worker(clock)), LeasedWorkers.DrainAsync(Worker(clock)));

        Assert.Empty(await RemainingAsync(deliveries));
        Assert.True(claimed.All(c => c > 0), $"both instances took part: {string.Join(", ", claimed)}");

        // Claims never overlap: together the instances claimed each delivery exactly once (plus the other test's due
        // ones when it ran first).
        Assert.InRange(claimed.Sum(), deliveries.Count, deliveries.Count + 4);
    }

    private DeliveryLogRetention Worker(TimeProvider clock) => ActivatorUtilities.CreateInstance<DeliveryLogRetention>(factory.Services, clock);

    /// <summary>Stores a delivery created at <paramref name="createdAt"/>, attempted then (when <paramref name="claim"/>) and ended by <paramref name="end"/>.</summary>
    private async Task<Guid> StoreAsync(DateTimeOffset createdAt, Action<DeliveryRow> end, bool claim = true)
    {
        var delivery = DeliveryRow.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "mastodon", crisis: false, replyTo: "108", createdAt, createdAt);
        if (claim)
        {
            delivery.Claim("delivery-engine", createdAt, createdAt.AddMinutes(5));
        }

        end(delivery);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(Ct);
        return delivery.Id;
    }

    private async Task<List<Guid>> RemainingAsync(List<Guid> deliveries)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutreachDbContext>().Deliveries.Where(d => deliveries.Contains(d.Id)).Select(d => d.Id).ToListAsync(Ct);
    }
}
