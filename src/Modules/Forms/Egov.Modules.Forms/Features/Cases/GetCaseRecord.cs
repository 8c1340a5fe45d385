using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>
/// Answers <see cref="GetCaseRecordQuery"/> for the Handoff module: the case's facts and documents
/// (receipt, rendered now if the worker has not yet, then the attachments). A new document kind
/// (decision notices) adds its own rows to <c>documents</c> here.
/// </summary>
internal sealed class GetCaseRecordHandler(FormsDbContext db, ReceiptPdfs receipts, PublishedFormVersions forms)
    : IQueryHandler<GetCaseRecordQuery, CaseRecord?>
{
    public async ValueTask<CaseRecord?> Handle(GetCaseRecordQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == query.ApplicationId && a.SubmittedAt != null, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var version = await forms.GetAsync(db, application.FormId, application.FormVersion, cancellationToken);
        var documents = new List<CaseDocument>();
        if (await receipts.RenderedAsync(application.Id, cancellationToken) is { Pdf: { } pdf } receipt)
        {
            documents.Add(new CaseDocument(application.Id, CaseDocumentKinds.Receipt, receipt.ReferenceNumber + ".pdf", "application/pdf",
                pdf.LongLength, receipt.PdfSha256!, receipt.IssuedAt, query.IncludeContent ? pdf : null));
        }

        var attachments = db.Attachments.AsNoTracking().Where(a => a.ApplicationId == application.Id).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id);
        documents.AddRange(query.IncludeContent
            ? (await attachments.ToListAsync(cancellationToken)).Select(a =>
                new CaseDocument(a.Id, CaseDocumentKinds.Attachment, a.FileName, a.MediaType, a.SizeBytes, a.Sha256, a.UploadedAt, a.Content))
            : await attachments.Select(a =>
                new CaseDocument(a.Id, CaseDocumentKinds.Attachment, a.FileName, a.MediaType, a.SizeBytes, a.Sha256, a.UploadedAt, null)).ToListAsync(cancellationToken));

        return new CaseRecord(
            application.Id, application.ReferenceNumber!, application.FormId, application.FormKey, application.FormVersion,
            new FormText(version.Content.Title.De, version.Content.Title.En), application.Department ?? version.Content.Department,
            application.Status.ToString(), application.SubmittedAt!.Value, application.DecidedAt, application.ApplicantSubject,
            application.ApplicantName, application.ApplicantLanguage, application.Data, documents);
    }
}
