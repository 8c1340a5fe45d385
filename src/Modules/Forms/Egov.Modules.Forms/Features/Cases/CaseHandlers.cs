using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>
/// A caseworker's work on one case: read it (logged), assign it, move it on, ask for information.
/// Every change needs the ETag last read (<c>If-Match</c>); of two changes at once exactly one
/// wins (the application's revision is the concurrency token), the other gets 412.
/// </summary>
internal sealed class CaseHandlers(FormsDbContext db, StaffDirectory staff, Receipts.ReceiptPdfs pdfs, TimeProvider time) :
    IQueryHandler<GetCaseQuery, CaseDetail>,
    IQueryHandler<GetCaseHistoryQuery, IReadOnlyList<CaseHistoryEntryResponse>>,
    IQueryHandler<GetCaseAttachmentQuery, CaseFile>,
    IQueryHandler<GetCaseReceiptQuery, Receipts.ReceiptFile>,
    ICommandHandler<AssignCaseCommand, CaseDetail>,
    ICommandHandler<TransitionCaseCommand, CaseDetail>,
    ICommandHandler<RequestInformationCommand, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(GetCaseQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAsync(query.Caseworker, query.CaseId, cancellationToken);
        await LogReadAsync(application, query.Caseworker, "case", cancellationToken);
        return await DetailAsync(application, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<CaseHistoryEntryResponse>> Handle(GetCaseHistoryQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAsync(query.Caseworker, query.CaseId, cancellationToken);
        await LogReadAsync(application, query.Caseworker, "history", cancellationToken);
        return await db.CaseHistory.AsNoTracking().Where(e => e.ApplicationId == application.Id).OrderBy(e => e.Sequence)
            .Select(e => CaseHistoryEntryResponse.From(e)).ToListAsync(cancellationToken);
    }

    public async ValueTask<CaseFile> Handle(GetCaseAttachmentQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAsync(query.Caseworker, query.CaseId, cancellationToken);
        var file = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.AttachmentId && a.ApplicationId == application.Id, cancellationToken)
            ?? throw new NotFoundException($"Case {application.ReferenceNumber} has no file {query.AttachmentId}.");
        await LogReadAsync(application, query.Caseworker, $"attachment:{file.Id}", cancellationToken);
        return new CaseFile(file.FileName, file.MediaType, file.Content);
    }

    public async ValueTask<Receipts.ReceiptFile> Handle(GetCaseReceiptQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAsync(query.Caseworker, query.CaseId, cancellationToken);
        var receipt = await pdfs.RenderedAsync(application.Id, cancellationToken)
            ?? throw new NotFoundException($"Case {application.ReferenceNumber} has no receipt.");
        await LogReadAsync(application, query.Caseworker, "receipt", cancellationToken);
        return Receipts.Receipts.File(receipt);
    }

    public async ValueTask<CaseDetail> Handle(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAsync(command.Caseworker, command.CaseId, cancellationToken);
        EnsureMatch(application, command.IfMatch);
        var assignee = command.Assignee switch
        {
            null => null,
            "me" => command.Caseworker.Actor,
            var subject => await ColleagueAsync(subject, application.Department!, cancellationToken),
        };

        if (assignee?.Subject != application.AssigneeSubject)
        {
            db.CaseHistory.Add(application.Assign(command.Caseworker.Actor, assignee, time.GetUtcNow()));
        }

        LogRead(application, command.Caseworker);
        await SaveAsync(cancellationToken);
        return await DetailAsync(application, cancellationToken);
    }

    public async ValueTask<CaseDetail> Handle(TransitionCaseCommand command, CancellationToken cancellationToken)
    {
        if (command.To == ApplicationStatus.InformationRequested)
        {
            throw new RequestValidationException("to",
                "Ask for information with POST /api/v1/cases/{id}/information-requests: it needs a message and a date to answer by.");
        }

        var application = await CaseAsync(command.Caseworker, command.CaseId, cancellationToken);
        EnsureMatch(application, command.IfMatch);
        var now = time.GetUtcNow();
        var from = application.Status;
        db.Record(application.Transition(command.To, command.Caseworker.Actor, command.Reason?.Trim(), now));
        if (from == ApplicationStatus.InformationRequested)
        {
            // Back to review without an answer: the open request is withdrawn.
            foreach (var open in await db.InformationRequests.Where(r => r.ApplicationId == application.Id && r.Status == InformationRequestStatus.Open).ToListAsync(cancellationToken))
            {
                open.Cancel(now);
            }
        }

        LogRead(application, command.Caseworker);
        await SaveAsync(cancellationToken);
        return await DetailAsync(application, cancellationToken);
    }

    public async ValueTask<CaseDetail> Handle(RequestInformationCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAsync(command.Caseworker, command.CaseId, cancellationToken);
        EnsureMatch(application, command.IfMatch);
        var now = time.GetUtcNow();
        var message = command.Message.Trim();
        db.Record(application.Transition(ApplicationStatus.InformationRequested, command.Caseworker.Actor, message, now));
        db.InformationRequests.Add(InformationRequest.Open(application.Id, message, command.AnswerBy, command.Caseworker.Actor, now));
        LogRead(application, command.Caseworker);
        await SaveAsync(cancellationToken);
        return await DetailAsync(application, cancellationToken);
    }

    /// <summary>The case, if the caseworker's departments cover it; others' cases are reported missing, not forbidden.</summary>
    private Task<Application> CaseAsync(Caseworker caseworker, Guid id, CancellationToken cancellationToken) =>
        CaseAccess.FindAsync(db, staff, caseworker, id, tracked: true, cancellationToken);

    /// <exception cref="PreconditionRequiredException">No <c>If-Match</c> (428).</exception>
    /// <exception cref="PreconditionFailedException">The case changed since that ETag (412).</exception>
    private static void EnsureMatch(Application application, int? ifMatch)
    {
        if (ifMatch is null)
        {
            throw new PreconditionRequiredException(
                "Changes of a case need an If-Match header with the ETag of the case as you last read it (GET /api/v1/cases/{id}).");
        }

        if (ifMatch != application.Revision)
        {
            var stale = new PreconditionFailedException("The case changed since you read it; read it again, check the change, then retry.");
            stale.Extensions["currentETag"] = CaseDetails.ETagOf(application);
            throw stale;
        }
    }

    private async Task<CaseActor> ColleagueAsync(string subject, string department, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(s => s.Subject == subject, cancellationToken)
            ?? throw new RequestValidationException("assignee",
                $"No member of staff '{subject}' is known here. Staff become known with their first use of the case API.");
        return member.CanHandleCases && member.Departments.Contains(department)
            ? new CaseActor(member.Subject, member.Name, IsApplicant: false)
            : throw new RequestValidationException("assignee", $"{member.Name} does not handle cases of department '{department}'.");
    }

    /// <summary>Saves a change; a concurrent change that won first makes this one fail with 412.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The row version moved on, or the other change took the next history sequence first.
            throw new PreconditionFailedException("The case was changed by someone else at the same time; read it again, check the change, then retry.");
        }
    }

    /// <summary>A change answers with the whole case: that is a read of its personal data too.</summary>
    private void LogRead(Application application, Caseworker caseworker) =>
        db.CaseAccessLog.Add(CaseAccessLogEntry.Create(application.Id, caseworker.Actor, "case", time.GetUtcNow()));

    private async Task LogReadAsync(Application application, Caseworker caseworker, string resource, CancellationToken cancellationToken)
    {
        db.CaseAccessLog.Add(CaseAccessLogEntry.Create(application.Id, caseworker.Actor, resource, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<CaseDetail> DetailAsync(Application application, CancellationToken cancellationToken)
    {
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == application.Id).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ApplicationId == application.Id).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        var history = await db.CaseHistory.AsNoTracking().Where(e => e.ApplicationId == application.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return CaseDetails.From(application, time.GetUtcNow(), attachments, requests, history);
    }
}
