using Egov.Modules.Payments.Domain;

namespace Egov.Modules.Payments.Features.Providers;

/// <summary>
/// A payment provider with a hosted payment page and signed notifications (ADR 0025). One
/// implementation today: <see cref="StripeCheckoutProvider"/>. Every call that creates something at
/// the provider carries our id as its idempotency key, so a retried call never creates twice.
/// </summary>
internal interface IPaymentProvider
{
    /// <summary>The provider's name in URLs, the database and the treasury report, e.g. <c>stripe</c>.</summary>
    string Name { get; }

    /// <summary>Whether this installation has the provider's credentials; without them no payment starts.</summary>
    bool IsConfigured { get; }

    /// <summary>Opens the hosted page for <paramref name="checkout"/>.</summary>
    /// <exception cref="PaymentProviderException">The provider refused or did not answer.</exception>
    Task<CheckoutPage> OpenCheckoutAsync(CheckoutRequest checkout, CancellationToken cancellationToken);

    /// <summary>Reads the hosted page's outcome from the provider (never from the browser).</summary>
    /// <exception cref="PaymentProviderException">The provider refused or did not answer.</exception>
    Task<ProviderOutcome> GetOutcomeAsync(string checkoutId, CancellationToken cancellationToken);

    /// <summary>Closes the hosted page so nothing can be paid on it any more; returns its outcome afterwards (paid when the citizen had finished first).</summary>
    /// <exception cref="PaymentProviderException">The provider refused or did not answer.</exception>
    Task<ProviderOutcome> CloseCheckoutAsync(string checkoutId, CancellationToken cancellationToken);

    /// <summary>Pays <paramref name="amountCents"/> of <paramref name="providerReference"/> back; returns the provider's refund id.</summary>
    /// <exception cref="PaymentProviderException">The provider refused or did not answer.</exception>
    Task<string> RefundAsync(string providerReference, long amountCents, Guid refundId, CancellationToken cancellationToken);

    /// <summary>Verifies and reads a notification as the provider sent it (raw body and headers).</summary>
    /// <exception cref="ForgedNotificationException">The signature does not verify (or is missing, or too old).</exception>
    ProviderEvent ReadNotification(string body, IReadOnlyDictionary<string, string> headers);
}

/// <summary>What to pay: amount in euro cents, the line on the page, and where the browser returns to.</summary>
/// <param name="PaymentId">Our payment id (the idempotency key and the provider's reference back to us).</param>
/// <param name="AmountCents">Euro cents, &gt; 0.</param>
/// <param name="Description">The line item, e.g. <c>Bewohnerparkausweis EGOV-2026-000042</c>.</param>
/// <param name="ReturnUrl">Where the browser goes after paying.</param>
/// <param name="CancelUrl">Where the browser goes when the citizen cancels.</param>
internal sealed record CheckoutRequest(Guid PaymentId, long AmountCents, string Description, Uri ReturnUrl, Uri CancelUrl);

/// <summary>The provider's hosted page: its id, where the citizen's browser is sent, and when the provider closes it unpaid (UTC; null when it does not say).</summary>
internal sealed record CheckoutPage(string CheckoutId, Uri Url, DateTimeOffset? ExpiresAt = null);

/// <summary>A verified notification: the provider's event id (for deduplication), its type, and the page outcome it carries (null when the type is not about a page).</summary>
internal sealed record ProviderEvent(string EventId, string EventType, ProviderOutcome? Outcome);

/// <summary>The provider refused a call or could not be reached; answered 502 with the provider's message.</summary>
internal sealed class PaymentProviderException(string detail, Exception? inner = null) : Egov.SharedKernel.Errors.ProblemException(detail, inner)
{
    public override int StatusCode => 502;

    public override string Title => "Payment provider unavailable";
}

/// <summary>A notification whose signature does not verify: refused with 400, nothing recorded.</summary>
internal sealed class ForgedNotificationException(string detail) : Egov.SharedKernel.Errors.ProblemException(detail)
{
    public override int StatusCode => 400;

    public override string Title => "Notification signature does not verify";
}
