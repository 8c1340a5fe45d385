using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Payments;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Staff download of the payment confirmation of a case of their departments; logged as a read.</summary>
internal sealed record GetCasePaymentConfirmationQuery(Caseworker Caseworker, Guid CaseId, Guid PaymentId) : IQuery<ReceiptFile>;

internal sealed class GetCasePaymentConfirmationHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time)
    : IQueryHandler<GetCasePaymentConfirmationQuery, ReceiptFile>
{
    public async ValueTask<ReceiptFile> Handle(GetCasePaymentConfirmationQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, query.Caseworker, query.CaseId, tracked: true, cancellationToken);
        var file = await PaymentConfirmations.FileAsync(db, application, query.PaymentId, cancellationToken)
            ?? throw new NotFoundException($"Case {application.ReferenceNumber} has no payment confirmation for payment {query.PaymentId}.");
        await CaseAccess.LogReadAsync(db, application, query.Caseworker, time, $"payment-confirmation:{query.PaymentId}", cancellationToken);
        return file;
    }
}
