using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Features.Providers;
using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>The citizen's browser came back from the provider's hosted page (paid, or cancelled when <paramref name="Cancelled"/>).</summary>
internal sealed record ReturnFromProviderCommand(Guid PaymentId, bool Cancelled) : ICommand<PaymentResponse>;

/// <summary>
/// The browser's return proves nothing (anyone can open the address): the outcome is read from the
/// provider itself and booked as a notification would be, so it does not matter whether the
/// notification came before, comes after or never comes. A cancellation closes the hosted page at
/// the provider first; if the citizen had paid meanwhile, the payment is booked as paid.
/// </summary>
internal sealed class ReturnFromProviderHandler(PaymentsDbContext db, IPaymentProvider provider, PaymentSettlement settlement, TimeProvider time)
    : ICommandHandler<ReturnFromProviderCommand, PaymentResponse>
{
    public async ValueTask<PaymentResponse> Handle(ReturnFromProviderCommand command, CancellationToken cancellationToken)
    {
        var checkoutId = await db.Payments.AsNoTracking().Where(p => p.Id == command.PaymentId).Select(p => p.CheckoutId).FirstOrDefaultAsync(cancellationToken);
        if (checkoutId is null)
        {
            throw new NotFoundException($"There is no payment {command.PaymentId}.");
        }

        var outcome = command.Cancelled
            ? await provider.CloseCheckoutAsync(checkoutId, cancellationToken)
            : await provider.GetOutcomeAsync(checkoutId, cancellationToken);
        return await settlement.RetryOnConflictAsync(async () =>
        {
            var payment = await db.Payments.FirstAsync(p => p.Id == command.PaymentId, cancellationToken);
            if (command.Cancelled && outcome.Status is ProviderStatus.Open or ProviderStatus.Expired)
            {
                // Closing the page made it "expired" at the provider; for the citizen it was their cancellation.
                if (payment.Cancel(time.GetUtcNow()) is { } cancelled)
                {
                    db.AddIntegrationEvent(cancelled);
                }
            }
            else
            {
                await settlement.ApplyAsync(payment, outcome, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return PaymentResponse.From(payment);
        });
    }
}
