using Egov.Modules.Forms.Persistence;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Every version of a form, drafts included (administrators).</summary>
internal sealed record ListFormVersionsQuery(Guid FormId) : IQuery<IReadOnlyList<FormVersionResponse>>;

internal sealed class ListFormVersionsHandler(FormsDbContext db) : IQueryHandler<ListFormVersionsQuery, IReadOnlyList<FormVersionResponse>>
{
    public async ValueTask<IReadOnlyList<FormVersionResponse>> Handle(ListFormVersionsQuery query, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(query.FormId.ToString(), cancellationToken);
        return [.. form.Versions.OrderBy(v => v.Number).Select(v => FormVersionResponse.From(form, v))];
    }
}
