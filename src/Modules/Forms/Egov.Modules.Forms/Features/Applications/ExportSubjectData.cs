using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.DataProtection;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// Forms' part of the subject access export (GDPR Art. 15): per application of the person a manifest
/// entry (data, status, dates, decision, visible history, messages without internal notes, information
/// requests, the case access log) and its files, receipt PDF, decision notice PDFs and payment confirmation PDFs under
/// <c>forms/{reference or id}/</c> (<c>files/…</c>, <c>receipt.pdf</c>, <c>decisions/{id}-{kind}.pdf</c>,
/// <c>payment-confirmations/{payment id}.pdf</c>), each referenced
/// by its path from the entry.
/// Only rows whose applicant is the subject are read, so nothing of another person can enter.
/// </summary>
internal sealed class ExportSubjectDataHandler(FormsDbContext db, ReceiptPdfs receipts, TimeProvider time) : IQueryHandler<ExportSubjectDataQuery, SubjectData>
{
    public async ValueTask<SubjectData> Handle(ExportSubjectDataQuery query, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantSubject == query.Subject && a.ApplicantSubject != "")
            .OrderBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        var entries = new JsonArray();
        var files = new List<SubjectDataFile>();
        foreach (var application in applications)
        {
            var folder = $"forms/{application.ReferenceNumber ?? application.Id.ToString()}";
            var attachments = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == application.Id).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
            var filePaths = new JsonArray();
            foreach (var file in attachments.Where(a => a.Content.Length > 0))
            {
                var path = $"{folder}/files/{file.Id:N}-{file.FileName}";
                files.Add(new SubjectDataFile(path, file.MediaType, file.Content));
                filePaths.Add(new JsonObject { ["path"] = path, ["slot"] = file.Slot, ["fileName"] = file.FileName, ["sha256"] = file.Sha256, ["uploadedAt"] = file.UploadedAt, ["scan"] = file.ScanStatus.ToString() });
            }

            string? receiptPath = null;
            if (application.IsSubmitted && await receipts.RenderedAsync(application.Id, cancellationToken) is { Pdf: { } pdf })
            {
                receiptPath = $"{folder}/receipt.pdf";
                files.Add(new SubjectDataFile(receiptPath, "application/pdf", pdf));
            }

            var notices = await db.DecisionNotices.AsNoTracking().Where(n => n.ApplicationId == application.Id).OrderBy(n => n.IssuedAt).ToListAsync(cancellationToken);
            var noticeEntries = new JsonArray();
            foreach (var notice in notices)
            {
                var path = $"{folder}/decisions/{notice.Id:N}-{notice.Kind.ToString().ToLowerInvariant()}.pdf";
                files.Add(new SubjectDataFile(path, "application/pdf", notice.Pdf));
                noticeEntries.Add(new JsonObject
                {
                    ["path"] = path, ["kind"] = notice.Kind.ToString(), ["title"] = notice.Title, ["issuedAt"] = notice.IssuedAt, ["issuedBy"] = notice.IssuedByName, ["sha256"] = notice.Sha256,
                });
            }

            var confirmations = await db.PaymentConfirmations.AsNoTracking().Where(c => c.ApplicationId == application.Id).OrderBy(c => c.PaidAt).ToListAsync(cancellationToken);
            var confirmationEntries = new JsonArray();
            foreach (var confirmation in confirmations)
            {
                var path = $"{folder}/payment-confirmations/{confirmation.PaymentId:N}.pdf";
                files.Add(new SubjectDataFile(path, "application/pdf", confirmation.Pdf));
                confirmationEntries.Add(new JsonObject
                {
                    ["path"] = path, ["amountCents"] = confirmation.AmountCents, ["provider"] = confirmation.Provider, ["providerReference"] = confirmation.ProviderReference,
                    ["paidAt"] = confirmation.PaidAt, ["fingerprint"] = confirmation.Fingerprint,
                });
            }

            var messages = await db.CaseMessages.AsNoTracking().Where(m => m.ApplicationId == application.Id && !m.Internal).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
            var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ApplicationId == application.Id).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
            var history = await db.CaseHistory.AsNoTracking().Where(e => e.ApplicationId == application.Id && e.VisibleToApplicant).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            var reads = await db.CaseAccessLog.AsNoTracking().Where(e => e.ApplicationId == application.Id).OrderBy(e => e.At).ToListAsync(cancellationToken);
            entries.Add(new JsonObject
            {
                ["id"] = application.Id,
                ["referenceNumber"] = application.ReferenceNumber,
                ["form"] = application.FormKey,
                ["formVersion"] = application.FormVersion,
                ["status"] = application.Status.ToString(),
                ["createdAt"] = application.CreatedAt,
                ["submittedAt"] = application.SubmittedAt,
                ["decidedAt"] = application.DecidedAt,
                ["decisionReason"] = application.DecisionReason,
                ["retentionDueAt"] = application.RetentionDueAt,
                ["applicant"] = new JsonObject { ["name"] = application.ApplicantName, ["email"] = application.ApplicantEmail, ["language"] = application.ApplicantLanguage },
                ["data"] = JsonNode.Parse(application.Data),
                ["files"] = filePaths,
                ["receipt"] = receiptPath,
                ["decisionNotices"] = noticeEntries,
                ["paymentConfirmations"] = confirmationEntries,
                ["messages"] = Array(messages.Select(CaseMessageResponse.From)),
                ["informationRequests"] = Array(requests.Select(InformationRequestResponse.From)),
                ["history"] = Array(history.Select(e => new { e.Sequence, e.OccurredAt, From = e.FromStatus.ToString(), To = e.ToStatus.ToString(), e.ByApplicant, e.Reason })),
                ["viewedByStaff"] = Array(reads.Select(e => new { e.ActorName, e.Resource, e.At })),
            });

            if (query.RequestedBy is { } staff && application.IsSubmitted)
            {
                db.CaseAccessLog.Add(CaseAccessLogEntry.Create(application.Id, new CaseActor(staff.Subject, staff.Name, IsApplicant: false), "subject-export", time.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SubjectData("forms", new JsonObject { ["applications"] = entries }, files);
    }

    private static JsonArray Array<T>(IEnumerable<T> items) => JsonSerializer.SerializeToNode(items.ToList(), JsonSerializerOptions.Web)!.AsArray();
}
