using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Features.Providers;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>
/// Closes the books on hosted pages nobody came back from and the provider never reported: every
/// <see cref="PaymentsOptions.SweepInterval"/> it claims open payments past their expiry
/// (<see cref="Payment.ExpiresAt"/>) with a lease (<see cref="LeaseClaim"/>, ADR 0020; safe on any
/// number of instances) and asks the provider for the page's state before booking anything: expired
/// becomes <see cref="PaymentState.Expired"/> (the citizen may start again), paid is booked as paid
/// (money moved, the notification got lost), still open is asked again a sweep later.
/// </summary>
internal sealed partial class ExpiredCheckoutSweep : LeasedWorker<Payment>
{
    private static readonly LeaseQuery<Payment> Due = new(
        "payments",
        "state = 'Open' AND checkout_id IS NOT NULL AND expires_at < @now",
        "expires_at, id",
        (rows, now) => rows.Where(p => p.State == PaymentState.Open && p.CheckoutId != null && p.ExpiresAt < now),
        rows => rows.OrderBy(p => p.ExpiresAt).ThenBy(p => p.Id));

    private readonly IServiceScopeFactory _scopes;
    private readonly PaymentsOptions _options;
    private readonly ILogger<ExpiredCheckoutSweep> _logger;

    public ExpiredCheckoutSweep(
        IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, WorkSignal<ExpiredCheckoutSweep> signal, TimeProvider time, ILogger<ExpiredCheckoutSweep> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override bool Enabled => _options.SweepEnabled && _options.Stripe.IsConfigured;

    /// <inheritdoc />
    protected override int ClaimSize => 20;

    /// <inheritdoc />
    protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override TimeSpan PollInterval(WorkLane lane) => _options.SweepInterval;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<Payment>> ClaimAsync(WorkLane lane, int limit, Lease lease, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        return await LeaseClaim.ClaimAsync(db, db.Schema, Due, limit, lease, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(Payment item, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var provider = scope.ServiceProvider.GetRequiredService<IPaymentProvider>();
        var settlement = scope.ServiceProvider.GetRequiredService<PaymentSettlement>();
        var outcome = await provider.GetOutcomeAsync(item.CheckoutId!, cancellationToken);
        if (outcome.Status == ProviderStatus.Open)
        {
            // The provider's clock or a delayed method keeps it open: ask again a sweep later; the lease keeps it off till then.
            var later = Time.GetUtcNow() + _options.SweepInterval;
            await LeaseClaim.RenewAsync<Payment>(db, [item.Id], Owner, later, cancellationToken);
            return;
        }

        var state = await settlement.RetryOnConflictAsync(async () =>
        {
            // Read again: a notification or the citizen's return may have booked it since the claim.
            var payment = await db.Payments.FirstAsync(p => p.Id == item.Id, cancellationToken);
            await settlement.ApplyAsync(payment, outcome, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return payment.State;
        });
        LogSwept(item.Id, outcome.Status, state);
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Payment {PaymentId} past its page's expiry: the provider says {ProviderStatus}; the payment is {State}")]
    private partial void LogSwept(Guid paymentId, ProviderStatus providerStatus, PaymentState state);
}
