using Egov.Modules.Payments.Domain;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Egov.Modules.Payments.Features.Providers;

/// <summary>
/// Stripe Checkout (hosted payment page) with signed webhooks, through the Stripe.net client
/// (ADR 0025). Sources: Stripe API reference "Create a Checkout Session", "Expire a Checkout
/// Session", "Create a refund" (https://docs.stripe.com/api) and "Check the webhook signatures"
/// (https://docs.stripe.com/webhooks#verify-events): header <c>Stripe-Signature: t=…,v1=…</c>,
/// HMAC-SHA256 of <c>"{t}.{raw body}"</c> under the endpoint secret, 5 minutes' tolerance.
/// </summary>
internal sealed class StripeCheckoutProvider(IHttpClientFactory httpClients, IOptions<PaymentsOptions> options, TimeProvider time) : IPaymentProvider
{
    public const string ProviderName = "stripe";

    /// <summary>The <see cref="IHttpClientFactory"/> name of the client that talks to Stripe.</summary>
    public const string HttpClientName = "Egov.Payments.Stripe";

    public string Name => ProviderName;

    public bool IsConfigured => Settings.IsConfigured;

    private StripeOptions Settings => options.Value.Stripe;

    public async Task<CheckoutPage> OpenCheckoutAsync(CheckoutRequest checkout, CancellationToken cancellationToken)
    {
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = checkout.PaymentId.ToString(),
            // Stripe puts the session id in place of the template, so the return needs no state of ours.
            SuccessUrl = checkout.ReturnUrl + "?session_id={CHECKOUT_SESSION_ID}",
            CancelUrl = checkout.CancelUrl.ToString(),
            ExpiresAt = time.GetUtcNow().AddMinutes(Math.Clamp(Settings.CheckoutMinutes, 30, 1440)).UtcDateTime,
            Metadata = new Dictionary<string, string> { ["egov_payment_id"] = checkout.PaymentId.ToString() },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur",
                        UnitAmount = checkout.AmountCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = checkout.Description },
                    },
                },
            ],
        };
        var session = await CallAsync(client => new SessionService(client).CreateAsync(
            create, new RequestOptions { IdempotencyKey = "egov-payment-" + checkout.PaymentId }, cancellationToken));
        return new CheckoutPage(session.Id, new Uri(session.Url), session.ExpiresAt == default ? null : new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));
    }

    public async Task<ProviderOutcome> GetOutcomeAsync(string checkoutId, CancellationToken cancellationToken) =>
        Outcome(await CallAsync(client => new SessionService(client).GetAsync(checkoutId, cancellationToken: cancellationToken)), null);

    public async Task<ProviderOutcome> CloseCheckoutAsync(string checkoutId, CancellationToken cancellationToken)
    {
        try
        {
            return Outcome(await CallAsync(client => new SessionService(client).ExpireAsync(checkoutId, cancellationToken: cancellationToken)), null);
        }
        catch (PaymentProviderException refused) when (refused.InnerException is StripeException { HttpStatusCode: System.Net.HttpStatusCode.BadRequest })
        {
            // Only open sessions can be expired: a completed one was paid meanwhile, an expired one is closed already.
            return await GetOutcomeAsync(checkoutId, cancellationToken);
        }
    }

    public async Task<string> RefundAsync(string providerReference, long amountCents, Guid refundId, CancellationToken cancellationToken)
    {
        var refund = await CallAsync(client => new RefundService(client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = providerReference, Amount = amountCents },
            new RequestOptions { IdempotencyKey = "egov-refund-" + refundId },
            cancellationToken));
        return refund.Id;
    }

    public ProviderEvent ReadNotification(string body, IReadOnlyDictionary<string, string> headers)
    {
        if (!headers.TryGetValue("Stripe-Signature", out var signature) || string.IsNullOrWhiteSpace(signature))
        {
            throw new ForgedNotificationException("The notification has no Stripe-Signature header.");
        }

        Event stripeEvent;
        try
        {
            // The API version of the event is the account's; the fields read here are stable across versions.
            stripeEvent = EventUtility.ConstructEvent(
                body, signature, Settings.WebhookSecret, Settings.WebhookToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException forged)
        {
            throw new ForgedNotificationException("The notification's signature does not verify: " + forged.Message);
        }

        return stripeEvent.Data?.Object is Session session
            ? new ProviderEvent(stripeEvent.Id, stripeEvent.Type, Outcome(session, stripeEvent.Type))
            : new ProviderEvent(stripeEvent.Id, stripeEvent.Type, null);
    }

    /// <summary>
    /// A session's outcome: <c>checkout.session.async_payment_failed</c> is a failure; an expired
    /// session closed unpaid; <c>payment_status=paid</c> is money confirmed; anything else (open, or
    /// completed with a delayed method still pending) is open.
    /// </summary>
    private static ProviderOutcome Outcome(Session session, string? eventType)
    {
        var status = eventType == "checkout.session.async_payment_failed" ? ProviderStatus.Failed
            : session.PaymentStatus == "paid" ? ProviderStatus.Paid
            : session.Status == "expired" ? ProviderStatus.Expired
            : ProviderStatus.Open;
        return new ProviderOutcome(
            session.Id,
            Guid.TryParse(session.ClientReferenceId, out var paymentId) ? paymentId : null,
            status,
            session.AmountTotal,
            session.Currency,
            session.PaymentIntentId);
    }

    private async Task<T> CallAsync<T>(Func<IStripeClient, Task<T>> call)
    {
        if (!Settings.IsConfigured)
        {
            throw new PaymentProviderException("Online payment is not configured (Egov:Payments:Stripe).");
        }

        var client = new StripeClient(
            Settings.SecretKey,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: 2),
            apiBase: Settings.ApiBase.AbsoluteUri.TrimEnd('/'));
        try
        {
            return await call(client);
        }
        catch (StripeException refused)
        {
            throw new PaymentProviderException($"Stripe refused the request: {refused.StripeError?.Message ?? refused.Message}", refused);
        }
    }
}
