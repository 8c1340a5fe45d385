namespace Egov.Modules.Payments.Features.Providers;

/// <summary>Settings of online payment (section <c>Egov:Payments</c>); see docs/modules/payments.md.</summary>
internal sealed class PaymentsOptions
{
    public const string SectionName = "Egov:Payments";

    /// <summary>
    /// Refunds of more than this many euro cents need a second caseworker's approval (four eyes);
    /// default 5000 (50,00 EUR). 0: every refund needs approval.
    /// </summary>
    public long RefundApprovalAboveCents { get; set; } = 5000;

    /// <summary>How often the sweep looks for open payments past their provider's expiry (default 5 minutes).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether this instance runs the expiry sweep (default true; it is safe on any number of instances).</summary>
    public bool SweepEnabled { get; set; } = true;

    /// <summary>Stripe Checkout: the one implemented provider.</summary>
    public StripeOptions Stripe { get; set; } = new();
}

/// <summary>Stripe account settings (section <c>Egov:Payments:Stripe</c>). Without <see cref="SecretKey"/> online payment is off (422 on start).</summary>
internal sealed class StripeOptions
{
    /// <summary>The API's base address; default <c>https://api.stripe.com/</c> (tests: a fake on 127.0.0.1).</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com/");

    /// <summary>The secret API key (<c>sk_live_…</c> / <c>sk_test_…</c>); keep it in a secret store, not in appsettings.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>) from the Stripe dashboard.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How old a notification's signed timestamp may be, in seconds; Stripe's libraries default to 300.</summary>
    public long WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>Minutes the hosted page stays open; Stripe allows 30 to 1440 (24 h). Default 60.</summary>
    public int CheckoutMinutes { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}
