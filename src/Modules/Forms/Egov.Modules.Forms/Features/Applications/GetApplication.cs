using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Files;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>One of the caller's applications.</summary>
internal sealed record GetApplicationQuery(Applicant Applicant, Guid ApplicationId) : IQuery<ApplicationResponse>;

internal sealed class GetApplicationHandler(FormsDbContext db) : IQueryHandler<GetApplicationQuery, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(GetApplicationQuery query, CancellationToken cancellationToken) =>
        await ApplicationViews.ResponseAsync(db, await db.OwnAsync(query.Applicant, query.ApplicationId, cancellationToken), cancellationToken);
}
