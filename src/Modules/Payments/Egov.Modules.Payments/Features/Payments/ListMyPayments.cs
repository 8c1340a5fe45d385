using Egov.Modules.Payments.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>The payments of one of the caller's applications, newest first (the applicant).</summary>
internal sealed record ListMyPaymentsQuery(Guid ApplicationId, string ApplicantSubject) : IQuery<IReadOnlyList<PaymentResponse>>;

internal sealed class ListMyPaymentsHandler(PaymentsDbContext db) : IQueryHandler<ListMyPaymentsQuery, IReadOnlyList<PaymentResponse>>
{
    public async ValueTask<IReadOnlyList<PaymentResponse>> Handle(ListMyPaymentsQuery query, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.ApplicationId == query.ApplicationId && p.ApplicantSubject == query.ApplicantSubject)
            .OrderByDescending(p => p.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. payments.Select(PaymentResponse.From)];
    }
}
