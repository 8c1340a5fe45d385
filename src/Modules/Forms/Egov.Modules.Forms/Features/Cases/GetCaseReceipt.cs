using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>The receipt PDF of a case; logged as a read.</summary>
internal sealed record GetCaseReceiptQuery(Caseworker Caseworker, Guid CaseId) : IQuery<ReceiptFile>;

internal sealed class GetCaseReceiptHandler(FormsDbContext db, StaffDirectory staff, ReceiptPdfs pdfs, TimeProvider time) : IQueryHandler<GetCaseReceiptQuery, ReceiptFile>
{
    public async ValueTask<ReceiptFile> Handle(GetCaseReceiptQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, query.Caseworker, query.CaseId, tracked: true, cancellationToken);
        var receipt = await pdfs.RenderedAsync(application.Id, cancellationToken)
            ?? throw new NotFoundException($"Case {application.ReferenceNumber} has no receipt.");
        await CaseAccess.LogReadAsync(db, application, query.Caseworker, time, "receipt", cancellationToken);
        return Receipts.Receipts.File(receipt);
    }
}
