using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;

namespace Egov.Modules.Forms.Features.Decisions;

/// <summary>The applicant's download of a decision notice of their own application; anyone else's is reported missing.</summary>
internal sealed record GetDecisionNoticeQuery(Applicant Applicant, Guid ApplicationId, Guid NoticeId) : IQuery<DecisionNoticeFile>;

internal sealed class GetDecisionNoticeHandler(FormsDbContext db) : IQueryHandler<GetDecisionNoticeQuery, DecisionNoticeFile>
{
    public async ValueTask<DecisionNoticeFile> Handle(GetDecisionNoticeQuery query, CancellationToken cancellationToken)
    {
        var application = await db.OwnAsync(query.Applicant, query.ApplicationId, cancellationToken);
        return await DecisionNotices.FileAsync(db, application, query.NoticeId, cancellationToken)
            ?? throw new NotFoundException($"Application {query.ApplicationId} has no decision notice {query.NoticeId}.");
    }
}
