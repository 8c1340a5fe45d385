using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Forms.Features.Decisions;

/// <summary>Staff download of a decision notice of a case of their departments; logged as a read.</summary>
internal sealed record GetCaseDecisionNoticeQuery(Caseworker Caseworker, Guid CaseId, Guid NoticeId) : IQuery<DecisionNoticeFile>;

internal sealed class GetCaseDecisionNoticeHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : IQueryHandler<GetCaseDecisionNoticeQuery, DecisionNoticeFile>
{
    public async ValueTask<DecisionNoticeFile> Handle(GetCaseDecisionNoticeQuery query, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.FindAsync(db, staff, query.Caseworker, query.CaseId, tracked: true, cancellationToken);
        var file = await DecisionNotices.FileAsync(db, application, query.NoticeId, cancellationToken)
            ?? throw new NotFoundException($"Case {application.ReferenceNumber} has no decision notice {query.NoticeId}.");
        await CaseAccess.LogReadAsync(db, application, query.Caseworker, time, $"decision-notice:{query.NoticeId}", cancellationToken);
        return file;
    }
}
