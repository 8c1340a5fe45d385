using Egov.Modules.Forms.Contracts;
using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Features.Providers;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>The applicant starts (or resumes, or retries) paying the fee of their submitted application (or of their draft, when its form version asks for payment before submission).</summary>
internal sealed record StartPaymentCommand(Guid ApplicationId, string ApplicantSubject) : ICommand<PaymentResponse>;

/// <summary>
/// Opens the provider's hosted page for the application's fee. While a payment is open the same page
/// is handed out again (another tab, a double click, another instance): there is never a second page
/// to pay on. A paid fee is refused (409); after a failure, cancellation or expiry a new payment starts.
/// </summary>
internal sealed class StartPaymentHandler(
    PaymentsDbContext db, ISender sender, IPaymentProvider provider, PaymentSettlement settlement, IOptions<PublicSiteOptions> site, TimeProvider time)
    : ICommandHandler<StartPaymentCommand, PaymentResponse>
{
    public async ValueTask<PaymentResponse> Handle(StartPaymentCommand command, CancellationToken cancellationToken)
    {
        if (!provider.IsConfigured)
        {
            // A setting of this installation, not an outage: refused before anything is stored.
            throw new DomainRuleException("Online payment is not offered by this installation; pay the fee as the receipt says.");
        }

        var fee = await sender.Send(new GetApplicationFeeQuery(command.ApplicationId, command.ApplicantSubject), cancellationToken)
            ?? throw new NotFoundException($"There is no submitted application {command.ApplicationId} of yours.");
        if (fee.AmountCents <= 0)
        {
            throw new DomainRuleException("This application is free of charge; there is nothing to pay.");
        }

        var payment = await LiveAsync(command.ApplicationId, cancellationToken);
        if (payment is { State: PaymentState.Open, CheckoutId: { } staleCheckout } && payment.AmountCents != fee.AmountCents)
        {
            // A draft paid before submission whose data changed the fee: its open page asks for the old amount.
            payment = await CloseStaleAsync(payment, staleCheckout, cancellationToken);
        }

        if (payment?.State == PaymentState.Paid)
        {
            var paid = new ConflictException("The fee of this application is paid already.");
            paid.Extensions["paymentId"] = payment.Id;
            throw paid;
        }

        if (payment?.CheckoutUrl is not null)
        {
            return PaymentResponse.From(payment);
        }

        payment ??= await OpenAsync(fee, command.ApplicantSubject, cancellationToken);
        if (payment.CheckoutUrl is not null)
        {
            return PaymentResponse.From(payment);
        }

        // The payment id is the provider call's idempotency key: a retry after a lost answer gets the same page.
        var page = await provider.OpenCheckoutAsync(
            new CheckoutRequest(
                payment.Id, payment.AmountCents, fee.ReferenceNumber is { } reference ? $"{fee.Title} {reference}" : $"{fee.Title} (Antrag {fee.ApplicationId.ToString()[..8]})",
                site.Value.Link($"api/v1/payments/{payment.Id}/return"), site.Value.Link($"api/v1/payments/{payment.Id}/cancel")),
            cancellationToken);
        payment.CheckoutOpened(page.CheckoutId, page.Url.AbsoluteUri, page.ExpiresAt, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return PaymentResponse.From(payment);
    }

    private Task<Payment?> LiveAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Payments.FirstOrDefaultAsync(p => p.ApplicationId == applicationId && (p.State == PaymentState.Open || p.State == PaymentState.Paid), cancellationToken);

    /// <summary>Closes the page at the provider and cancels the payment; answers the payment when the citizen had paid it meanwhile, else null.</summary>
    private async Task<Payment?> CloseStaleAsync(Payment payment, string checkoutId, CancellationToken cancellationToken)
    {
        var outcome = await provider.CloseCheckoutAsync(checkoutId, cancellationToken);
        if (outcome.Status == ProviderStatus.Paid)
        {
            await settlement.ApplyAsync(payment, outcome, cancellationToken);
        }
        else if (payment.Cancel(time.GetUtcNow()) is { } cancelled)
        {
            db.AddIntegrationEvent(cancelled);
        }

        await db.SaveChangesAsync(cancellationToken);
        return payment.State == PaymentState.Paid ? payment : null;
    }

    /// <summary>Stores a new open payment; when another request stored one first (unique index), that one is used.</summary>
    private async Task<Payment> OpenAsync(ApplicationFee fee, string applicant, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var payment = Payment.Open(fee.ApplicationId, applicant, fee.ReferenceNumber ?? "", fee.FormKey, fee.Department, provider.Name, fee.AmountCents, now);
        db.Payments.Add(payment);
        db.AddIntegrationEvent(payment.StateEvent(now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return payment;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await LiveAsync(fee.ApplicationId, cancellationToken)
                ?? throw new ConflictException("Another payment of this application was started at the same moment; try again.");
        }
    }
}
