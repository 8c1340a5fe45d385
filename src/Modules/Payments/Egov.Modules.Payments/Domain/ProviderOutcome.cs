namespace Egov.Modules.Payments.Domain;

/// <summary>What a provider says about one hosted payment page, from a verified notification or a status read.</summary>
/// <param name="CheckoutId">The provider's id of the hosted page (Stripe: <c>cs_…</c>).</param>
/// <param name="PaymentId">Our payment id as we gave it to the provider (Stripe: <c>client_reference_id</c>); null when absent.</param>
/// <param name="Status">The page's outcome.</param>
/// <param name="AmountCents">The amount the provider collected or asks for, in the currency's minor unit.</param>
/// <param name="Currency">ISO 4217 code as the provider reports it (Stripe: lower case, <c>eur</c>).</param>
/// <param name="ProviderReference">The provider's reference of the money movement (Stripe: <c>pi_…</c>).</param>
internal sealed record ProviderOutcome(string CheckoutId, Guid? PaymentId, ProviderStatus Status, long? AmountCents, string? Currency, string? ProviderReference);

/// <summary>The outcome of a hosted payment page as far as the provider knows it.</summary>
internal enum ProviderStatus
{
    /// <summary>Still open, or completed with the money not yet confirmed (delayed methods).</summary>
    Open,

    /// <summary>Money confirmed.</summary>
    Paid,

    /// <summary>The payment method failed after completion.</summary>
    Failed,

    /// <summary>Closed without payment (timed out or closed by us).</summary>
    Expired,
}
