using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>The receipt of one of the caller's submitted applications.</summary>
internal sealed record GetReceiptQuery(Applicant Applicant, Guid ApplicationId) : IQuery<ReceiptFile>;

/// <summary>The applicant's download of their receipt.</summary>
internal sealed class GetReceiptHandler(FormsDbContext db, ReceiptPdfs pdfs) : IQueryHandler<GetReceiptQuery, ReceiptFile>
{
    public async ValueTask<ReceiptFile> Handle(GetReceiptQuery query, CancellationToken cancellationToken)
    {
        var owned = await db.Applications.AsNoTracking()
            .AnyAsync(a => a.Id == query.ApplicationId && a.ApplicantSubject == query.Applicant.Subject, cancellationToken);
        // Rendered here when the download comes before the background render (moments after the
        // answer): the applicant always gets the PDF, the same bytes as every later download.
        var receipt = owned ? await pdfs.RenderedAsync(query.ApplicationId, cancellationToken) : null;
        return receipt is null
            ? throw new NotFoundException($"There is no receipt for application {query.ApplicationId}; a receipt is issued when the application is submitted.")
            : Receipts.File(receipt);
    }
}
