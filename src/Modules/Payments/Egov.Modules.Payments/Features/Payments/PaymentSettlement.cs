using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>
/// Books what a provider says about a payment — from a notification, the browser's return or a
/// cancellation — the same way whichever comes first, twice, or on two host instances at once.
/// </summary>
internal sealed class PaymentSettlement(PaymentsDbContext db, TimeProvider time)
{
    /// <summary>
    /// Applies <paramref name="outcome"/> to the tracked <paramref name="payment"/> and queues the state
    /// change for the outbox. A payment confirmed while another payment of the application is live is
    /// not booked (never paid twice) but flagged for a person to refund.
    /// </summary>
    public async Task ApplyAsync(Payment payment, ProviderOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (outcome.Status == ProviderStatus.Paid && payment.State is not (PaymentState.Paid or PaymentState.Refunded)
            && await db.Payments.AnyAsync(
                p => p.ApplicationId == payment.ApplicationId && p.Id != payment.Id && (p.State == PaymentState.Paid || p.State == PaymentState.Open),
                cancellationToken))
        {
            payment.FlagSecondPayment(outcome, now);
            return;
        }

        if (payment.Apply(outcome, now) is { } change)
        {
            db.AddIntegrationEvent(change);
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (which reads, changes and saves) again on a fresh context when
    /// another instance changed the same payment meanwhile: the second run sees the first's result.
    /// </summary>
    public async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (tries < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
