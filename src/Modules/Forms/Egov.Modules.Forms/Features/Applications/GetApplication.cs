using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Mediator;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>One of the caller's applications.</summary>
internal sealed record GetApplicationQuery(Applicant Applicant, Guid ApplicationId) : IQuery<ApplicationResponse>;

internal sealed class GetApplicationHandler(FormsDbContext db) : IQueryHandler<GetApplicationQuery, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(GetApplicationQuery query, CancellationToken cancellationToken) =>
        await ApplicationViews.ResponseAsync(db, await db.OwnAsync(query.Applicant, query.ApplicationId, cancellationToken), cancellationToken);
}
