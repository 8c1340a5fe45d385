using Egov.SharedKernel.Outbox;

namespace Egov.Modules.Payments.Contracts;

/// <summary>
/// The state of an application's fee payment changed (opened, paid, failed, cancelled, expired,
/// refunded). Raised through the outbox in the same transaction as the change; delivered at least
/// once and possibly out of order with other payments of the same application, so handlers
/// deduplicate on <see cref="EventId"/> and keep the state with the latest <see cref="OccurredAt"/>.
/// </summary>
/// <param name="EventId">Unique id of this occurrence.</param>
/// <param name="OccurredAt">Instant of the change (UTC).</param>
/// <param name="PaymentId">Id of the payment (one application may have several: a retry after failure is a new payment).</param>
/// <param name="ApplicationId">Id of the application whose fee is paid.</param>
/// <param name="State">The payment's state after the change: one of <see cref="PaymentStates"/>.</param>
/// <param name="AmountCents">The fee in euro cents (integer; 3070 = 30,70 EUR).</param>
/// <param name="Currency">ISO 4217 code; always <c>EUR</c>.</param>
/// <param name="Provider">The payment provider, e.g. <c>stripe</c>.</param>
/// <param name="ProviderReference">The provider's reference of the money movement (Stripe: the PaymentIntent id <c>pi_…</c>); null before payment.</param>
/// <param name="PaidAt">When the provider confirmed the payment (UTC); null unless paid or refunded.</param>
public sealed record PaymentStateChangedIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PaymentId,
    Guid ApplicationId,
    string State,
    long AmountCents,
    string Currency,
    string Provider,
    string? ProviderReference,
    DateTimeOffset? PaidAt) : IIntegrationEvent;

/// <summary>The states of a payment, as events and APIs carry them.</summary>
public static class PaymentStates
{
    /// <summary>Waiting for the citizen on the provider's hosted page (offen).</summary>
    public const string Open = "Open";

    /// <summary>The provider confirmed the money (bezahlt).</summary>
    public const string Paid = "Paid";

    /// <summary>The provider refused or the payment method failed (fehlgeschlagen); the citizen may try again.</summary>
    public const string Failed = "Failed";

    /// <summary>The citizen cancelled on the hosted page (abgebrochen); the citizen may try again.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>The hosted page timed out unpaid (abgelaufen); the citizen may try again.</summary>
    public const string Expired = "Expired";

    /// <summary>Paid, then paid back in full by the city (erstattet).</summary>
    public const string Refunded = "Refunded";

    /// <summary>All states, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Open, Paid, Failed, Cancelled, Expired, Refunded];
}
