using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>The case's full history, oldest first; logged as a read.</summary>
internal sealed record GetCaseHistoryQuery(Caseworker Caseworker, Guid CaseId) : IQuery<IReadOnlyList<CaseHistoryEntryResponse>>;

internal sealed class GetCaseHistoryHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : IQueryHandler<GetCaseHistoryQuery, IReadOnlyList<CaseHistoryEntryResponse>>
{
    public async ValueTask<IReadOnlyList<CaseHistoryEntryResponse>> Handle(GetCaseHistoryQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, query.Caseworker, query.CaseId, tracked: true, cancellationToken);
        await CaseAccess.LogReadAsync(db, application, query.Caseworker, time, "history", cancellationToken);
        return await db.CaseHistory.AsNoTracking().Where(e => e.ApplicationId == application.Id).OrderBy(e => e.Sequence)
            .Select(e => CaseHistoryEntryResponse.From(e)).ToListAsync(cancellationToken);
    }
}
