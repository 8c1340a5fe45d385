using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Staff side of a case's thread (messages and internal notes), and the access log.</summary>
internal sealed class CaseMessageHandlers(FormsDbContext db, StaffDirectory staff, TimeProvider time) :
    IQueryHandler<ListCaseMessagesQuery, IReadOnlyList<CaseMessageResponse>>,
    ICommandHandler<PostCaseMessageCommand, CaseMessageResponse>,
    IQueryHandler<ListCaseAccessLogQuery, CursorPage<CaseAccessLogResponse>>
{
    public async ValueTask<IReadOnlyList<CaseMessageResponse>> Handle(ListCaseMessagesQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAsync(query.Caseworker, query.CaseId, cancellationToken);
        db.CaseAccessLog.Add(CaseAccessLogEntry.Create(application.Id, query.Caseworker.Actor, "messages", time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return await db.CaseMessages.AsNoTracking().Where(m => m.ApplicationId == application.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => CaseMessageResponse.From(m)).ToListAsync(cancellationToken);
    }

    public async ValueTask<CaseMessageResponse> Handle(PostCaseMessageCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAsync(command.Caseworker, command.CaseId, cancellationToken);
        if (application.Status == ApplicationStatus.Closed && !command.Internal)
        {
            throw new ConflictException("The case is closed; the applicant can no longer be written to here. Internal notes are still possible.");
        }

        var message = CaseMessage.Create(application.Id, command.Caseworker.Actor, command.Body.Trim(), command.Internal, null, time.GetUtcNow());
        db.CaseMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return CaseMessageResponse.From(message);
    }

    public async ValueTask<CursorPage<CaseAccessLogResponse>> Handle(ListCaseAccessLogQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var log = db.CaseAccessLog.AsNoTracking();
        if (query.CaseId is { } caseId)
        {
            log = log.Where(e => e.ApplicationId == caseId);
        }

        if (query.Actor is { } actor)
        {
            log = log.Where(e => e.ActorSubject == actor);
        }

        if (after is not null)
        {
            log = log.Where(e => e.At < after.At || (e.At == after.At && e.Id.CompareTo(after.Id) < 0));
        }

        var rows = await log.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit + 1)
            .Select(e => new CaseAccessLogResponse(e.Id, e.ApplicationId, e.ActorSubject, e.ActorName, e.Resource, e.At))
            .ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;
        return new CursorPage<CaseAccessLogResponse>(items, rows.Count > limit ? Cursor.Encode(new Position(items[^1].At, items[^1].Id)) : null);
    }

    private Task<Application> CaseAsync(Caseworker caseworker, Guid id, CancellationToken cancellationToken) =>
        CaseAccess.FindAsync(db, staff, caseworker, id, tracked: false, cancellationToken);

    internal sealed record Position(DateTimeOffset At, Guid Id);
}
