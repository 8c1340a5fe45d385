using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Outbox;
using Egov.SharedKernel.Work;
using Egov.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests;

/// <summary>
/// The kernel's claim on PostgreSQL (<c>UPDATE … RETURNING</c>, which returns rows in no particular
/// order): the rows come back in the query's claiming order, and a claim smaller than the backlog
/// takes the first rows of that order. Rows are the test's own outbox messages, never due for the
/// host's dispatcher (their next attempt lies in the future), claimed by a query of the test.
/// </summary>
public sealed class LeaseClaimTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Claim_ReturnsTheRowsInClaimingOrder_NotInTheOrderTheyWereWritten()
    {
        var type = $"test.lease-order.{Guid.NewGuid():N}";
        // Whole seconds: PostgreSQL keeps microseconds, .NET ticks.
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());

        // Written newest first and shuffled, so that the table's physical order is not the claiming order.
        var occurred = Enumerable.Range(0, 40).Select(i => start.AddSeconds(i)).ToList();
        var written = occurred.OrderBy(_ => Random.Shared.Next()).ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
            foreach (var at in written)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Id = Guid.NewGuid(),
                    EventType = type,
                    Payload = "{}",
                    OccurredAt = at,
                    NextAttemptAt = DateTimeOffset.UtcNow.AddYears(1),
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        var query = new LeaseQuery<OutboxMessage>(
            "outbox_messages",
            $"event_type = '{type}'",
            "occurred_at, id",
            (messages, _) => messages.Where(m => m.EventType == type),
            messages => messages.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id));

        var first = await ClaimAsync(query, 15);
        var rest = await ClaimAsync(query, 100);

        Assert.Equal(occurred.Take(15), first.Select(m => m.OccurredAt));
        Assert.Equal(occurred.Skip(15), rest.Select(m => m.OccurredAt));
    }

    private async Task<List<OutboxMessage>> ClaimAsync(LeaseQuery<OutboxMessage> query, int limit)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileDbContext>();
        Assert.True(db.Database.IsNpgsql(), "the test is about PostgreSQL's claim");
        var now = DateTimeOffset.UtcNow;
        return await LeaseClaim.ClaimAsync(db, db.Schema, query, limit, new Lease($"test-{Guid.NewGuid():N}", now, now.AddMinutes(5)), Ct);
    }
}
