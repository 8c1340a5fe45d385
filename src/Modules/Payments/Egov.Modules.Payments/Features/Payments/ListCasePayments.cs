using Egov.Modules.Payments.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>The payments and refunds of a case, for its department's caseworkers.</summary>
internal sealed record ListCasePaymentsQuery(Guid ApplicationId, PaymentStaff Staff) : IQuery<CasePayments>;

/// <summary>A case's payments (newest first) and their refunds.</summary>
internal sealed record CasePayments(IReadOnlyList<PaymentResponse> Payments, IReadOnlyList<RefundResponse> Refunds);

internal sealed class ListCasePaymentsHandler(PaymentsDbContext db) : IQueryHandler<ListCasePaymentsQuery, CasePayments>
{
    public async ValueTask<CasePayments> Handle(ListCasePaymentsQuery query, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.ApplicationId == query.ApplicationId)
            .OrderByDescending(p => p.CreatedAt)
            .ToListAsync(cancellationToken);
        if (payments.Any(p => !query.Staff.Covers(p.Department)))
        {
            throw new NotFoundException($"There is no case {query.ApplicationId} of your departments.");
        }

        var ids = payments.Select(p => p.Id).ToArray();
        var refunds = await db.Refunds.AsNoTracking().Where(r => ids.Contains(r.PaymentId)).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        return new CasePayments([.. payments.Select(PaymentResponse.From)], [.. refunds.Select(RefundResponse.From)]);
    }
}
