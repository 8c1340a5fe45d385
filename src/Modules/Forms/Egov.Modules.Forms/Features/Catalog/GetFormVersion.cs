using Egov.Modules.Forms.Persistence;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>One version of a form, drafts included (administrators).</summary>
internal sealed record GetFormVersionQuery(Guid FormId, int Version) : IQuery<FormVersionResponse>;

internal sealed class GetFormVersionHandler(FormsDbContext db) : IQueryHandler<GetFormVersionQuery, FormVersionResponse>
{
    public async ValueTask<FormVersionResponse> Handle(GetFormVersionQuery query, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(query.FormId.ToString(), cancellationToken);
        return FormVersionResponse.From(form, form.Version(query.Version));
    }
}
