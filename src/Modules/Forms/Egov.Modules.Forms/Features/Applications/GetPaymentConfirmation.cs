using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Payments;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>The applicant's download of the payment confirmation of a payment of their own application; anyone else's is reported missing.</summary>
internal sealed record GetPaymentConfirmationQuery(Applicant Applicant, Guid ApplicationId, Guid PaymentId) : IQuery<ReceiptFile>;

internal sealed class GetPaymentConfirmationHandler(FormsDbContext db) : IQueryHandler<GetPaymentConfirmationQuery, ReceiptFile>
{
    public async ValueTask<ReceiptFile> Handle(GetPaymentConfirmationQuery query, CancellationToken cancellationToken)
    {
        var application = await db.OwnAsync(query.Applicant, query.ApplicationId, cancellationToken);
        return await PaymentConfirmations.FileAsync(db, application, query.PaymentId, cancellationToken)
            ?? throw new NotFoundException($"Application {query.ApplicationId} has no payment confirmation for payment {query.PaymentId}.");
    }
}
