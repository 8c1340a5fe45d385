using Egov.Modules.Payments.Contracts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Work;

namespace Egov.Modules.Payments.Domain;

/// <summary>
/// One attempt to pay an application's fee at a provider's hosted page. An application has at most
/// one <see cref="PaymentState.Open"/> or <see cref="PaymentState.Paid"/> payment at a time (a
/// unique partial index keeps it so across host instances); a retry after failure, cancellation or
/// expiry is a new payment. Amounts are integer euro cents.
/// </summary>
internal sealed class Payment : ILeasedRow
{
    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>OIDC <c>sub</c> of the applicant who pays.</summary>
    public string ApplicantSubject { get; private set; } = "";

    /// <summary>The application's reference number (the purpose line at the provider and in the treasury report); empty while a fee paid before submission waits for the submission.</summary>
    public string ReferenceNumber { get; private set; } = "";

    public string FormKey { get; private set; } = "";

    /// <summary>Code of the department the application belongs to; only its caseworkers see and refund the payment.</summary>
    public string Department { get; private set; } = "";

    /// <summary>The provider's name, e.g. <c>stripe</c>.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The fee in euro cents.</summary>
    public long AmountCents { get; private set; }

    /// <summary>ISO 4217; always <c>EUR</c>.</summary>
    public string Currency { get; private set; } = "EUR";

    public PaymentState State { get; private set; }

    /// <summary>The provider's id of the hosted page (Stripe: Checkout Session <c>cs_…</c>); set once the provider answered.</summary>
    public string? CheckoutId { get; private set; }

    /// <summary>Where the citizen pays (the provider's hosted page).</summary>
    public string? CheckoutUrl { get; private set; }

    /// <summary>When the provider closes the hosted page unpaid (UTC; Stripe: the session's <c>expires_at</c>); the sweep asks the provider after it.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Lease of the expiry sweep (<see cref="LeaseClaim"/>), UTC.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>The sweep worker holding the lease.</summary>
    public string? LockOwner { get; private set; }

    /// <summary>The provider's reference of the money movement (Stripe: PaymentIntent <c>pi_…</c>).</summary>
    public string? ProviderReference { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the provider confirmed the payment (UTC, our clock at the confirmation).</summary>
    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>
    /// Set when the provider reported something we refuse to book: <c>AmountMismatch</c> (paid amount
    /// or currency differ from the fee) or <c>SecondPayment</c> (paid while another payment of the
    /// application is paid). Flagged payments are listed in the treasury report for a person to settle.
    /// </summary>
    public string? Flag { get; private set; }

    /// <summary>The amount (cents) and currency the provider reported when <see cref="Flag"/> was set.</summary>
    public string? FlagDetail { get; private set; }

    /// <summary>Concurrency token: of two changes at once (notification and return on two instances) one wins, the other re-reads.</summary>
    public int Revision { get; private set; }

    public static Payment Open(Guid applicationId, string applicant, string referenceNumber, string formKey, string department, string provider, long amountCents, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = applicationId,
        ApplicantSubject = applicant,
        ReferenceNumber = referenceNumber,
        FormKey = formKey,
        Department = department,
        Provider = provider,
        AmountCents = amountCents,
        State = PaymentState.Open,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The provider opened its hosted page for this payment.</summary>
    public void CheckoutOpened(string checkoutId, string checkoutUrl, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        CheckoutId = checkoutId;
        CheckoutUrl = checkoutUrl;
        ExpiresAt = expiresAt;
        Touch(now);
    }

    /// <summary>The application, paid before submission, was submitted: the payment gets its reference number.</summary>
    public void Submitted(string referenceNumber, DateTimeOffset now)
    {
        ReferenceNumber = referenceNumber;
        Touch(now);
    }

    /// <summary>
    /// Applies what the provider says about the hosted page. Idempotent, and safe in any order: a
    /// paid payment stays paid (only a refund moves it on); money the provider confirms is booked even
    /// after a cancellation or expiry we recorded, because the money has moved; a report whose amount
    /// or currency differ from the fee is refused and flagged.
    /// </summary>
    /// <returns>The state change to publish, or null when nothing changed.</returns>
    public PaymentStateChangedIntegrationEvent? Apply(ProviderOutcome outcome, DateTimeOffset now)
    {
        switch (outcome.Status)
        {
            case ProviderStatus.Paid:
                if (State is PaymentState.Paid or PaymentState.Refunded)
                {
                    return null;
                }

                if (outcome.AmountCents != AmountCents || !string.Equals(outcome.Currency, Currency, StringComparison.OrdinalIgnoreCase))
                {
                    FlagAs("AmountMismatch", outcome, now);
                    return null;
                }

                ProviderReference = outcome.ProviderReference ?? ProviderReference;
                PaidAt = now;
                return MoveTo(PaymentState.Paid, now);
            case ProviderStatus.Failed when State == PaymentState.Open:
                return MoveTo(PaymentState.Failed, now);
            case ProviderStatus.Expired when State == PaymentState.Open:
                return MoveTo(PaymentState.Expired, now);
            default:
                return null;
        }
    }

    /// <summary>A paid report arrived while another payment of the application is already paid: not booked twice, flagged for a refund.</summary>
    public void FlagSecondPayment(ProviderOutcome outcome, DateTimeOffset now) => FlagAs("SecondPayment", outcome, now);

    /// <summary>The citizen came back through the provider's cancel link and the hosted page is closed.</summary>
    public PaymentStateChangedIntegrationEvent? Cancel(DateTimeOffset now) =>
        State == PaymentState.Open ? MoveTo(PaymentState.Cancelled, now) : null;

    /// <summary>The provider paid the whole amount back.</summary>
    /// <exception cref="ConflictException">The payment is not paid (any more).</exception>
    public PaymentStateChangedIntegrationEvent Refunded(DateTimeOffset now)
    {
        EnsureRefundable();
        RefundedAt = now;
        return MoveTo(PaymentState.Refunded, now)!;
    }

    /// <exception cref="ConflictException">The payment is not paid (any more).</exception>
    public void EnsureRefundable()
    {
        if (State != PaymentState.Paid || ProviderReference is null)
        {
            throw new ConflictException($"The payment is {State}; only a paid payment can be refunded.");
        }
    }

    /// <summary>The event that tells the current state (also for the opening of the payment).</summary>
    public PaymentStateChangedIntegrationEvent StateEvent(DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, Id, ApplicationId, State.ToString(), AmountCents, Currency, Provider, ProviderReference, PaidAt);

    private PaymentStateChangedIntegrationEvent? MoveTo(PaymentState state, DateTimeOffset now)
    {
        State = state;
        Touch(now);
        return StateEvent(now);
    }

    private void FlagAs(string flag, ProviderOutcome outcome, DateTimeOffset now)
    {
        Flag = flag;
        FlagDetail = $"{outcome.AmountCents?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {outcome.Currency?.ToUpperInvariant() ?? "?"} ({outcome.ProviderReference})";
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }
}
