using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>
/// Answers <see cref="GetCaseRecordQuery"/> for the Handoff module: the case's facts and documents
/// (receipt, rendered now if the worker has not yet, then the attachments, then the decision notices
/// as issued). A new document kind adds its own rows to <c>documents</c> here.
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

        var notices = await db.DecisionNotices.AsNoTracking()
            .Where(n => n.ApplicationId == application.Id)
            .OrderBy(n => n.IssuedAt).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Kind, n.Title, n.IssuedAt, n.Sha256, Size = n.Pdf.Length, Pdf = query.IncludeContent ? n.Pdf : null })
            .ToListAsync(cancellationToken);
        documents.AddRange(notices.Select((n, i) => new CaseDocument(
            n.Id, CaseDocumentKinds.DecisionNotice, NoticeFileName(application.ReferenceNumber!, i + 1), "application/pdf", n.Size, n.Sha256, n.IssuedAt, n.Pdf)
        {
            DecisionNotice = new CaseDecisionNotice(i + 1, n.Kind.ApiName(), n.Title, n.IssuedAt),
        }));

        return new CaseRecord(
            application.Id, application.ReferenceNumber!, application.FormId, application.FormKey, application.FormVersion,
            new FormText(version.Content.Title.De, version.Content.Title.En), application.Department ?? version.Content.Department,
            application.Status.ToString(), application.SubmittedAt!.Value, application.DecidedAt, application.ApplicantSubject,
            application.ApplicantName, application.ApplicantLanguage, application.Data, documents);
    }

    /// <summary>The staff and applicant download's name for the first notice; later ones are numbered, so a receiver filing by name keeps each.</summary>
    private static string NoticeFileName(string reference, int number) =>
        number == 1 ? $"Bescheid-{reference}.pdf" : $"Bescheid-{reference}-{number}.pdf";
}
