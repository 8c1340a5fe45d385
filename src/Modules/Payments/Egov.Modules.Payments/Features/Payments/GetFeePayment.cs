using Egov.Modules.Payments.Contracts;
using Egov.Modules.Payments.Domain;
using Egov.Modules.Payments.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>The live (paid, else open) payment of an application, for Forms' check before submission.</summary>
internal sealed class GetFeePaymentHandler(PaymentsDbContext db) : IQueryHandler<GetFeePaymentQuery, FeePaymentStatus?>
{
    public async ValueTask<FeePaymentStatus?> Handle(GetFeePaymentQuery query, CancellationToken cancellationToken)
    {
        // The unique partial index allows one Open or Paid payment per application.
        var live = await db.Payments.AsNoTracking()
            .Where(p => p.ApplicationId == query.ApplicationId && (p.State == PaymentState.Paid || p.State == PaymentState.Open))
            .Select(p => new { p.Id, p.State, p.AmountCents, p.Provider, p.ProviderReference, p.PaidAt })
            .FirstOrDefaultAsync(cancellationToken);
        return live is null ? null : new FeePaymentStatus(live.Id, live.State.ToString(), live.AmountCents, live.Provider, live.ProviderReference, live.PaidAt);
    }
}
