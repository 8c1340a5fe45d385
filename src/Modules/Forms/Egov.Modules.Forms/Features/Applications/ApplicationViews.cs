using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Builds an application as its applicant sees it, with the public part of its case once submitted.</summary>
internal static class ApplicationViews
{
    /// <param name="db">The module's database.</param>
    /// <param name="application">The application.</param>
    /// <param name="receipt">Its receipt when the caller has it at hand (just issued); read otherwise.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<ApplicationResponse> ResponseAsync(FormsDbContext db, Application application, CancellationToken cancellationToken, Receipt? receipt = null)
    {
        var attachments = await AttachmentsAsync(db, application.Id, cancellationToken);
        if (!application.IsSubmitted)
        {
            return ApplicationResponse.From(application, attachments, null);
        }

        var history = await db.CaseHistory.AsNoTracking()
            .Where(e => e.ApplicationId == application.Id && e.VisibleToApplicant)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var requests = await db.InformationRequests.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id)
            .OrderBy(r => r.RequestedAt)
            .ToListAsync(cancellationToken);
        var messages = await db.CaseMessages.AsNoTracking()
            .Where(m => m.ApplicationId == application.Id && !m.Internal)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var issued = receipt is not null
            ? new { receipt.Fingerprint, receipt.VerificationUrl }
            : await db.Receipts.AsNoTracking()
                .Where(r => r.ApplicationId == application.Id)
                .Select(r => new { r.Fingerprint, r.VerificationUrl })
                .FirstOrDefaultAsync(cancellationToken);
        var link = issued is null ? null : ApplicationReceiptLink.For(application.Id, issued.Fingerprint, issued.VerificationUrl);
        var notices = await Cases.DecisionNotices.ListAsync(db, application.Id, $"/api/v1/applications/{application.Id}", cancellationToken);
        var response = Submitted(application, attachments, history, requests, messages, link, notices);
        return response with
        {
            Payment = await Payments.PaymentConfirmations.WithConfirmationAsync(db, response.Payment, $"/api/v1/applications/{application.Id}", cancellationToken),
        };
    }

    /// <summary>
    /// The answer to a submission that has just committed, from what the handler holds: a draft has no
    /// case yet, so the case's first status change is its whole visible history, and there are no
    /// information requests or messages. The same as <see cref="ResponseAsync"/> would read back, without
    /// its four reads on the submission's hot path.
    /// </summary>
    public static ApplicationResponse JustSubmitted(Application application, IReadOnlyList<AttachmentResponse> attachments, CaseHistoryEntry firstChange, Receipt receipt) =>
        Submitted(application, attachments, [firstChange], [], [],
            ApplicationReceiptLink.For(application.Id, receipt.Fingerprint, receipt.VerificationUrl), []);

    /// <summary>The application's files, oldest first, as its applicant sees them.</summary>
    public static Task<List<AttachmentResponse>> AttachmentsAsync(FormsDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking()
            .Where(a => a.ApplicationId == applicationId)
            .OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentResponse(a.Id, a.Slot, a.FileName, a.MediaType, a.SizeBytes, a.Sha256, a.UploadedAt, a.ScanStatus.ToString(), a.ScanSignature))
            .ToListAsync(cancellationToken);

    private static ApplicationResponse Submitted(
        Application application, IReadOnlyList<AttachmentResponse> attachments, IEnumerable<CaseHistoryEntry> history,
        IEnumerable<InformationRequest> requests, IEnumerable<CaseMessage> messages, ApplicationReceiptLink? link,
        IReadOnlyList<Cases.DecisionNoticeResponse> notices) =>
        ApplicationResponse.From(application, attachments, new ApplicationCaseView(
            application.DueAt,
            application.DecidedAt,
            application.DecisionReason,
            [.. history.Where(e => e.VisibleToApplicant).Select(e => new ApplicationHistoryEntry(e.Sequence, e.OccurredAt, e.FromStatus!.Value.ToString(), e.ToStatus!.Value.ToString(), e.ByApplicant, e.Reason, e.DecisionNoticeId))],
            [.. requests.Select(InformationRequestResponse.From)],
            [.. messages.Select(CaseMessageResponse.From)],
            notices), link);
}
