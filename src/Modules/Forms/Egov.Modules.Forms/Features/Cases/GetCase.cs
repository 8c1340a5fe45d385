using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Mediator;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>One case with everything a caseworker needs; logged as a read of personal data.</summary>
internal sealed record GetCaseQuery(Caseworker Caseworker, Guid CaseId) : IQuery<CaseDetail>;

internal sealed class GetCaseHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : IQueryHandler<GetCaseQuery, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(GetCaseQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, query.Caseworker, query.CaseId, tracked: true, cancellationToken);
        await CaseAccess.LogReadAsync(db, application, query.Caseworker, time, "case", cancellationToken);
        return await CaseDetails.LoadAsync(db, application, time, cancellationToken);
    }
}
