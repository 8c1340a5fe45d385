using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>The case's messages and internal notes, oldest first; logged as a read.</summary>
internal sealed record ListCaseMessagesQuery(Caseworker Caseworker, Guid CaseId) : IQuery<IReadOnlyList<CaseMessageResponse>>;

internal sealed class ListCaseMessagesHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : IQueryHandler<ListCaseMessagesQuery, IReadOnlyList<CaseMessageResponse>>
{
    public async ValueTask<IReadOnlyList<CaseMessageResponse>> Handle(ListCaseMessagesQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, query.Caseworker, query.CaseId, tracked: false, cancellationToken);
        db.CaseAccessLog.Add(CaseAccessLogEntry.Create(application.Id, query.Caseworker.Actor, "messages", time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return await db.CaseMessages.AsNoTracking().Where(m => m.ApplicationId == application.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => CaseMessageResponse.From(m)).ToListAsync(cancellationToken);
    }
}
